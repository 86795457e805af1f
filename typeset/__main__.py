"""`python -m typeset …`: the same program as the `typeset` command."""

from .cli import main

main(prog_name="typeset")
