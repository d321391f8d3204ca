"""Bank+ Switcher: interbank transfers and their reversals.

``client`` speaks the wire format, ``service`` is what the screens call, ``sandbox`` simulates
the host from the document."""
