"""DOKU (BNI Virtual Account, SNAP): creating a virtual account.

``client`` speaks the wire format on the shared SNAP client (``services.hosts.snap``)."""
