"""The error of a wrong command (a bad option, no input, an unreadable file named on the command
line): the library raises it, the CLI prints it and exits with code 2."""
from __future__ import annotations


class UsageError(Exception):
    """The command itself is wrong (a bad option, no input at all); exit code 2."""
