"""The command line's parts: `cli.parser` (the arguments of every sub-command) and
`cli.commands` (each sub-command: one use case of app/ called, its result printed or
returned). `main.py` puts them together and turns failures into exit codes."""
