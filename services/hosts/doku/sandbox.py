"""Sandbox DOKU (BNI virtual accounts) on the common SNAP checks (``services.hosts.snap.sandbox``)."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from services.hosts.doku import client as doku_api
from services.hosts.snap.codes import SERVICE_CREATE_VA
from services.hosts.snap.sandbox import Refusal, SnapSandbox, amount_value, mandatory, parse_timestamp
from services.hosts.snap.signatures import snap_timestamp
from services.sandbox.base import Request
from services.validation import is_digits

DOKU_PARTNER_SERVICE_ID = "8412"  # the seed's example company code
DOKU_MIN_CLOSED_AMOUNT_SEN = 10_000_00


class DokuSandbox(SnapSandbox):
    """DOKU SNAP, BNI virtual accounts (seeds/doku-snap-bni-va-create.txt).

    create-va checks, after the common ones: partnerServiceId 8 characters (else 400 27 01)
    and ours (else the seed's 404 27 16 "Partner Not Found"); customerNo up to 20 digits;
    virtualAccountNo = partnerServiceId + customerNo; virtualAccountName present;
    virtualAccountTrxType C or O (either case); totalAmount "n.nn" IDR and present for a
    closed VA; expiredDate ISO-8601 and in the future; trxId present and new (409 27 01).
    The answer's expiredDate is DOKU's: the one asked, or earlier under ``expiry_limit``.
    """

    name = "doku"
    token_path = doku_api.TOKEN_PATH
    client_key = "BRN-0208-1700000000001"
    client_secret = "SK-SANDBOX-DOKU-7f3c2a9e5b1d4c8a"
    partner_id = client_key  # DOKU: X-PARTNER-ID is the client id it issued
    channel_id = doku_api.CHANNEL_ID

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.partner_service_id = doku_api.pad_partner_service_id(DOKU_PARTNER_SERVICE_ID)
        self.virtual_accounts: dict[str, dict[str, Any]] = {}
        # The longest life this merchant's VAs get (a DOKU back-office setting): an expiry past
        # now + limit is answered as now + limit, in expiredDate, as the document's answer
        # carries DOKU's expiry. None: the expiry asked (or DOKU's default, one day). 0: DOKU
        # answers a VA that expires as it is made (a clock or setting gone wrong at DOKU).
        self.expiry_limit: timedelta | None = None
        self.service(doku_api.CREATE_VA_PATH, SERVICE_CREATE_VA, self._create_va, echo=self._echo)

    def credentials(self) -> dict[str, Any]:
        return {**super().credentials(), "partner_service_id": self.partner_service_id,
                "create_va_path": doku_api.CREATE_VA_PATH}

    @staticmethod
    def _echo(body: dict[str, Any]) -> dict[str, Any]:
        keys = ("partnerServiceId", "customerNo", "virtualAccountNo", "virtualAccountName", "virtualAccountEmail",
                "virtualAccountPhone", "trxId", "totalAmount", "virtualAccountTrxType", "expiredDate")
        return {"virtualAccountData": {k: body[k] for k in keys if k in body}}

    def _create_va(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        mandatory(body, "partnerServiceId", "customerNo", "virtualAccountNo", "virtualAccountName", "trxId")
        psid, customer_no = str(body["partnerServiceId"]), str(body["customerNo"])
        if len(psid) != 8 or not is_digits(psid.strip()) or psid != psid.strip().rjust(8, " "):
            raise Refusal(400, "01", "Invalid Field Format partnerServiceId")
        if psid != self.partner_service_id:
            raise Refusal(404, "16", "Partner Not Found")
        if not is_digits(customer_no) or len(customer_no) > 20:
            raise Refusal(400, "01", "Invalid Field Format customerNo")
        if body["virtualAccountNo"] != psid + customer_no:
            raise Refusal(400, "01", "Invalid Field Format virtualAccountNo")
        # DOKU's SDK rule (doku-python-library CreateVARequest): 1-255 ASCII characters out of
        # letters, digits, space and . - / + , = _ : ' @ %; the host is taken to refuse the same.
        if not re.fullmatch(r"[a-zA-Z0-9.\-/+,=_:'@% ]{1,255}", str(body["virtualAccountName"])):
            raise Refusal(400, "01", "Invalid Field Format virtualAccountName")
        phone = str(body.get("virtualAccountPhone", ""))
        if phone and (not is_digits(phone) or len(phone) > 30):
            raise Refusal(400, "01", "Invalid Field Format virtualAccountPhone")
        trx_type = str(body.get("virtualAccountTrxType", doku_api.CLOSED)).upper()
        if trx_type not in (doku_api.CLOSED, doku_api.OPEN):
            raise Refusal(400, "01", "Invalid Field Format virtualAccountTrxType")
        if "totalAmount" in body:
            sen: int | None = amount_value(body["totalAmount"], "totalAmount.value")
            if trx_type == doku_api.OPEN and sen == 0:
                sen = None  # an open VA sent with "0.00", as DOKU's SDK sends it: no fixed amount
        elif trx_type == doku_api.CLOSED:
            raise Refusal(400, "02", "Invalid Mandatory Field totalAmount.value")
        else:
            sen = None
        if trx_type == doku_api.CLOSED and sen is not None and sen < DOKU_MIN_CLOSED_AMOUNT_SEN:
            raise Refusal(404, "13", "Invalid Amount")
        expired = self.clock.now() + timedelta(days=1)
        if "expiredDate" in body:
            parsed = parse_timestamp(str(body["expiredDate"]))
            if parsed is None or parsed <= self.clock.now():
                raise Refusal(400, "01", "Invalid Field Format expiredDate")
            expired = parsed
        if self.expiry_limit is not None:
            # DOKU's own limit wins over what was asked: its answer says which one holds.
            expired = min(expired, self.clock.now() + self.expiry_limit)
        trx_id = str(body["trxId"])
        if len(trx_id) > 64:
            raise Refusal(400, "01", "Invalid Field Format trxId")
        if any(va["trxId"] == trx_id for va in self.virtual_accounts.values()):
            raise Refusal(409, "01", "Duplicate partnerReferenceNo")
        va_no = str(body["virtualAccountNo"])
        data = {
            **self._echo(body)["virtualAccountData"],
            "virtualAccountTrxType": trx_type,
            "expiredDate": snap_timestamp(expired),
            "additionalInfo": body.get("additionalInfo") or {},
            "howToPayInfo": {
                # Text for the receipt only (the seed's sandbox links); nothing here is contacted.
                "howToPayPage": ("https://sandbox.doku.com/bni-virtual-account/v1/how-to-pay-page/"
                                 f"{va_no.replace(' ', '')}"),
                "howToPayApi": ("https://api-sandbox.doku.com/bni-virtual-account/v1/how-to-pay-api/"
                                f"{va_no.replace(' ', '')}"),
            },
        }
        self.virtual_accounts[va_no] = data
        self.record(op="create_va", external_id=request.headers["x-external-id"], virtual_account_no=va_no,
                    trx_id=trx_id, amount_sen=sen, trx_type=trx_type, name=body["virtualAccountName"],
                    expired=data["expiredDate"])
        return {"virtualAccountData": data}


