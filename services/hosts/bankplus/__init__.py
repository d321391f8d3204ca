"""Bank+ (``bankplus-api.txt``): the login host, deposits, transfers, balances, account opening.

``client`` speaks the wire format, ``service`` is what the screens call, ``sandbox`` simulates
the host from the document."""
