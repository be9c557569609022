"""Building and checking the desktop bundle, the Linux tarball and the Windows installer.

`deploy/build.py` builds `dist/Jaring/` with PyInstaller (the spec is `deploy/jaring.spec`,
its file list `deploy/bundle_files.py`), `deploy/smoke_test.py` runs the built bundle with
an empty environment, `deploy/check_install.py` installs the package into a fresh venv, and
`deploy/windows/jaring.iss` makes the Windows installer. Named `deploy`, not `packaging`,
which would shadow the `packaging` library. Not installed with the app.
"""
