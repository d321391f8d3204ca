"""BNI Keagenan: bill payments and purchases, one product catalogue (``services.products``).

``client`` speaks the wire format, ``errors`` maps its codes, ``service`` is what the screens
call, ``sandbox`` simulates the host from the document."""
