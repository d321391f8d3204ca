"""The one place the version lives: pyproject, build.spec, the installer and About read it."""

__version__ = "0.1.0"
