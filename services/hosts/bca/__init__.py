"""BCA (SNAP): balance, account inquiries, transfers, their status, statements.

``client`` speaks the wire format on the shared SNAP client (``services.hosts.snap``),
``service`` is what the screens call, ``status`` settles SUSPECT transfers."""
