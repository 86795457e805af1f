"""`typeset generate`: writing a test issue from the command line, as a user runs it."""

from __future__ import annotations

from typeset.generate import cases


def test_list_names_every_case(typeset_cli):
    run = typeset_cli("generate", "--list")
    assert run.returncode == 0, run.stderr
    assert [line.split()[0] for line in run.stdout.splitlines()] == [c.name for c in cases()]


def test_generate_writes_an_issue_that_typesets(typeset_cli, tmp_path):
    run = typeset_cli("generate", "front-only", "--seed", "3", "-o", tmp_path / "issue")
    assert run.returncode == 0, run.stderr
    issue = tmp_path / "issue" / "issue.md"
    assert run.stdout.startswith(f"issue: {issue}")
    assert list((tmp_path / "issue" / "images").glob("*.jpg"))
    again = typeset_cli("generate", "front-only", "--seed", "3", "-o", tmp_path / "again")
    assert (tmp_path / "again" / "issue.md").read_bytes() == issue.read_bytes()
    built = typeset_cli(issue, "--pdf", "-o", tmp_path / "out")
    assert built.returncode in (0, 3), built.stderr  # valid input: typeset, fitting or not
    assert (tmp_path / "out" / "issue.pdf").is_file()


def test_an_unknown_case_is_a_usage_error_naming_the_cases(typeset_cli, tmp_path):
    run = typeset_cli("generate", "volume-999", "-o", tmp_path)
    assert run.returncode == 2
    assert "volume-999" in run.stderr and "volume-100" in run.stderr
    assert "Traceback" not in run.stderr
    assert not any(tmp_path.iterdir())


def test_generate_with_fillers_writes_the_pool_and_its_house_ad(typeset_cli, tmp_path):
    run = typeset_cli("generate", "front-only", "--seed", "3", "--fillers", "2",
                      "-o", tmp_path / "issue")
    assert run.returncode == 0, run.stderr
    assert "2 fillers and a house ad" in run.stdout
    text = (tmp_path / "issue" / "issue.md").read_text("utf-8")
    assert "<!-- fillers -->" in text and "images/house-ad.jpg" in text
    assert (tmp_path / "issue" / "images" / "house-ad.jpg").is_file()
