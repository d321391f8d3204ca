"""The counter's money-moving transactions as Qt-free flows (after Electrum's wizard): one
per kind, all on one interface (``base.Flow``: ``prepare(inputs) -> Quote``, ``pay(pin)``).

* ``base``         Flow, Quote, the resend-with-the-same-reference rule, "over is over"
* ``destination``  a transfer's destination and name-confirmation step (Bank+, Switcher, BCA)
* ``bankplus``     Setor Tunai, Cek Saldo Nasabah, Buka Rekening, Transfer Sesama/Antar Bank
* ``others``       Switcher and BCA (intra/interbank) transfers (the agent's PIN checked
                   locally), DOKU VA
* ``pin``          the local check of the agent's transaction PIN for hosts that take none
* bill payments:   ``services.hosts.keagenan.service.BillPayFlow``, on the same base

A screen renders the flow's state and runs its blocking calls in the worker; it never holds
a transaction's state or decides whether a retry is safe.
"""
