"""Run the {bin} command installed by this wheel: `python -m {module} ARGS...`.

The wheel installs {bin} into the environment's scripts folder; this finds it there (see _find_bin.py) and hands
over the process, so arguments, stdin/stdout, signals and the exit status all pass straight through.
"""
import os
import sys

from {module}._find_bin import find_bin


def main():
    try:
        executable = find_bin()
    except FileNotFoundError as error:
        sys.exit(str(error))
    if sys.platform == "win32":
        import subprocess

        sys.exit(subprocess.call([executable, *sys.argv[1:]]))
    os.execv(executable, [executable, *sys.argv[1:]])


if __name__ == "__main__":
    main()
