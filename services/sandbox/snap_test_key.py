"""The sandbox SNAP hosts' built-in partner key pair -- a TEST key, public on purpose.

When ``python -m services.sandbox --host doku|bca`` runs without ``--public-key``, the host
verifies access-token signatures against this key's public half, and
``--print-credentials`` prints this private key so a client (or curl + openssl) can sign.
It was made once with ``openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048``.
It is never used against a live host: live keys are generated or imported in
Pengaturan > Kunci and stored encrypted (``services.hosts.snap.keys``).
"""

TEST_PRIVATE_KEY_PEM = """\
-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDHE6z5KB1oEJoD
sbHHbEuuxPuwKcmbdighFkPYccEHDH0EK6lvrUkfuP+rHYIZeHgMZxwtfBzIjzH+
62GtZQ6OpOmB14JMar3/pTM4sRoO8TWHbOyGXAL7rGoGM9/KEUlHdGoTKZv20ix5
sK/Ash1o9rk5QfVLYxjrfDUj9+zmyMK+9qg59dRL0GPmjC2rnNgXlm/Xb0e0OIVo
5fvB2Sfnubh5cg8YQtKSyWdAk81dYZ5sRlN4ougd4NrV8hSqsaULXmGLVMOjxrYz
C3urKT5uLBgk22lX+OwBW9vPPuIcTiX9FzEd0juhPTGidgVNtwzq2pUbB5SOI7uH
jXa0yJpbAgMBAAECggEAT/pGnp6QGdO5nExSKNUIHsGCgAZ5uVwhyREh1p30t3k7
7GYCHxyV6QmwpTUopETyrcDq4BchlS16H3i++CNGUuZL7V8AOOUVSdQ7nMYBuwkK
wUpwR5ZFmIhu2+kROiPxtaQ+TU6FGwba2VSzdw3XpOiiBy/JdSztwQVYcAfVg+1j
PuRsx7R4MOCSJ8ITpjzjKVqdJzTRm125/lBIh9Du/d8tJ6gsMp8UF5y22mdetvrU
GoHn/GuDlD1VhXUNX8iMZPuFcvQw6koAOQRg+HLKw1YTpkutLPA3cI+7Kq0cqT/0
sFZYDM2mEEms89x4VVlUBQlo6qJ+sWthPoDR8ml1YQKBgQD9VcErUql1Glk91l+J
BuPmAPyKk9tvoNcO9bHgh7ByzBY9GQQnPR+IIePNgVu3/ExS+npRuPUtlc0sHb7D
qDZM19W3SELNHC3Uiyn4vnbcyhrDmCnrwDz0N0nWai0HChMVPLNttbmaC5n6ihDE
QQ7u+kUPt3172yX5EXjKkCFZiwKBgQDJK80JHo1pKnAb3EUmsmNPbYmpqbqXrX0p
Dbh89oe7vbOwq7PYcmXRs8s3nECofJMrXVvbBzJwgwgL1wHnurdamQZLFmVcBk9I
PoZqZ5H2ZMWRX7EJ66aSyakNjG0dGO8Fgj08jiVNPLFonCPB3PLa4DnBNHw6Zn0x
r2Xdpqq8cQKBgDF9hj4zaN1yp0p4TbOUQANX3/4mgnDdSAYpI3XMrEDQ8+s9rt0H
iNhsXndwNP3NcQ+o1SqP6n3cTPe4W+MXQnxikeK7YCl3vtBN24Y3lzrs1KuvV0ky
BfZjsq4Lkf5VDoNQl3DwVnDsoUkbncjpOMSg6cr3OrFuj42Hx0QzQgCfAoGBAMYh
2LApojc47+/Qs17YhU0+Yj5zB27KFSJw/Ao/uRGkVi0j/16n1TaDcRwVTe1jvIMS
URzY6sm7lBotKhg0Ys/dNUCRD0VihYVu5243EaBuQdPbPn+503ZxHYpVi0YEP63a
Rzuz+HMo2sZgOit+1MXT3641ZkESni1oRdjXhQNRAoGBAN7XykSVgTPQFCfjKA5D
HsT5tvwSvskxJFr+/a++V1L6MFY0HHdMFJYT3PhYijn2HVBI54RTYJj98EBL47ZT
XzLNnfdHVeAgCM8y8ar/oNrqYhth7RiBis8KwHDvokmeuywaPXLDpc1Uqv+GEgx0
T7W4yVcbYUKb7+0x18cVzHzO
-----END PRIVATE KEY-----
"""
