"""Composition root: parses the command line, loads the profile, builds the services,
starts Qt. Nothing else in Loket constructs clients, journals or printers."""

import services  # noqa: F401  (first: it keeps httpx's command-line tool out, see there)
