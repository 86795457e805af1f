"""`python -m typeset …`: the same program as the `typeset` command."""

from .cli import run

run(prog_name="typeset")
