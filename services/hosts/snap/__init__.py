"""SNAP (Bank Indonesia's Standar Nasional Open API Pembayaran) core shared by DOKU and BCA.

* ``keys``        the partner RSA key pair: generate, import, export ``.pub``, stored encrypted
* ``signatures``  SHA256withRSA token signature, HMAC-SHA512 transaction signature, minify
* ``client``      ``SnapClient``: cached B2B access token + signed POSTs
* ``codes``       7-digit responseCode -> typed, Indonesian errors (the one mapping place)
* ``amounts``     ``{"value": "10000.00", "currency": "IDR"}`` <-> integer rupiah / sen
* ``wiring``      ``snap_client``: the client DOKU's and BCA's ``build`` start from
* ``sandbox``     the checks the simulated SNAP hosts share (token, signature, headers)
"""

from services.hosts.snap.client import AccessTokens, SnapClient, SnapCredentials
from services.hosts.snap.codes import ResponseCode, SnapRejected
from services.hosts.snap.keys import PartnerKeys

__all__ = ["AccessTokens", "SnapClient", "SnapCredentials", "ResponseCode", "SnapRejected", "PartnerKeys"]
