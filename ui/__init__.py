"""Qt Widgets only: screens, dialogs, widgets and the worker that runs service calls off
the GUI thread. Never imports httpx, sqlite3, sqlite_utils, reportlab, cryptography or
escpos: everything it needs arrives as a service object from ``app``."""
