"""Run the {bin} command installed by this wheel: `python -m {module} ARGS...`.

The wheel installs {bin} into the environment's scripts folder; this only finds it there and hands over the
process, so arguments, stdin/stdout, signals and the exit status all pass straight through.
"""
import os
import shutil
import sys
import sysconfig


def _find():
    name = "{bin}" + (".exe" if sys.platform == "win32" else "")
    folders = [sysconfig.get_path("scripts")]
    try:
        folders.append(sysconfig.get_path("scripts", sysconfig.get_preferred_scheme("user")))
    except (AttributeError, KeyError):  # Python < 3.10 has no get_preferred_scheme
        folders.append(sysconfig.get_path("scripts", f"{os.name}_user"))
    # `pip install --target DIR` puts scripts in DIR/bin beside the package folder.
    folders.append(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bin"))
    for folder in folders:
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate):
            return candidate
    return shutil.which(name)


def main():
    executable = _find()
    if executable is None:
        sys.exit("{bin}: the executable installed by this package was not found; reinstall it with pip")
    if sys.platform == "win32":
        import subprocess

        sys.exit(subprocess.call([executable, *sys.argv[1:]]))
    os.execv(executable, [executable, *sys.argv[1:]])


if __name__ == "__main__":
    main()
