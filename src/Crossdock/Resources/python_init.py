"""The {dist} command-line tool, installed as the {commands_text} executable(s).

`find_bin()` returns the path of an installed executable, for Python code that wants to run it.
"""
from {module}._find_bin import COMMANDS, find_bin

__all__ = ["COMMANDS", "find_bin"]
