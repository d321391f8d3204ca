"""Every product of the BNI Keagenan document (v1.15, sections 2-59), one spec each.

Section numbers in the comments are the document's. Where the document is silent or
contradicts itself, the decision is written next to the spec (``decisions=``) and carries
the ANALYSIS.md id (INC-nn / MISS-nn) so it can be found again when BNI answers.

Receipt lines are (label, path) pairs resolved from the journal row by
``services.receipts.products.product_lines``: ``request`` is the payment's ``data`` as sent,
``inquiry`` the inquiry answer kept with the row, ``payment`` the payment answer; amount,
fee, total, journal numbers and date are printed by the receipt model itself.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Mapping

from services.errors import UserInputError
from services.money import MoneyError
from services.products import derived
from services.products.pdam import PdamProvider
from services.products.spec import (
    AMOUNT,
    CHOICE,
    MONTHS,
    PEMBELIAN,
    TAGIHAN,
    TEXT,
    Derivation,
    Echo,
    InputField,
    ProductSpec,
    choices,
    money_at,
    months,
)

# -- shared pieces --------------------------------------------------------------------------


def _amount_field(label: str = "Nominal bayar", **kw: Any) -> InputField:
    return InputField("amount", label, AMOUNT, wire="amount", identifies=False, **kw)


def _bill_lines(prefix_amount: str, prefix_ref: str, count: int = 3) -> tuple[tuple[str, Derivation], ...]:
    """Each bill the answer carries, numbered as the customer counts them (``derived.filled_bill``)."""
    lines: list[tuple[str, Derivation]] = []
    for i in range(count):
        lines.append((f"Tagihan {i + 1}", derived.filled_bill(prefix_amount, prefix_amount, i, count)))
        lines.append((f"Ref. tagihan {i + 1}", derived.filled_bill(prefix_ref, prefix_amount, i, count)))
    return tuple(lines)


# -- Telkom and Internet Telkom (2-3, 58-59) -------------------------------------------------

TELKOM = ProductSpec(
    id="telkom",
    name="Telkom (Telepon Rumah)",
    group=TAGIHAN,
    category="Telepon & Internet",
    aliases=("telepon", "telpon", "rumah", "pstn"),
    fields=(
        InputField("areaCode", "Kode area", wire="areaCode", min_length=3, max_length=4, hint="contoh 021",
                   moves_on_when_full=True, whole_when_short=("021", "022", "024", "031", "061")),
        InputField("phoneNum", "Nomor telepon", wire="phoneNum", min_length=5, max_length=9),
    ),
    inquiry_fitur="FTR439",
    payment_fitur="FTR440",
    trx_type="20",
    payment_constants={"providerId": "TELKOM"},
    echo=Echo.same(
        "amount", "divreCode", "NPWP", "customerName", "paymentFlag", "amountBill", "datelCode",
        "billAmount1", "billRef1", "billAmount2", "billRef2", "billAmount3", "billRef3",
    ),
    details=(("Jumlah tagihan", "amountBill"), *_bill_lines("billAmount", "billRef")),
    receipt=(("No. telepon", "payment.CustomerData.no_tel"), ("Nama", "request.customerName"),
             ("Jumlah tagihan", "request.amountBill")),
    decisions=("INC-06: phoneNum is sent in inquiry and payment although neither definition lists it; "
               "the examples send it and it is the customer's number.",
               "areaCode is 3 or 4 digits as the agent types it (the hint's 021), always 4 on the wire: the "
               "document's examples send Jakarta's 021 as \"0021\", so a 3-digit code is padded with a leading 0 "
               "(and no_tel, the receipt's number, comes back as 0021998877441); the confirmation, the receipt and "
               "Riwayat read it back as typed and as the bill prints it, 021 (``InputField.typed_form``). "
               "Area codes are prefix-free and only 021, 022, 024, 031 and 061 have 3 digits: after one of them, "
               "or after 4 digits, the cursor moves on to phoneNum by itself; any other 3 digits are the start of "
               "a code, refused.",),
)

INTERNET_TELKOM = ProductSpec(
    id="internet_telkom",
    name="Internet Telkom (IndiHome/Speedy)",
    group=TAGIHAN,
    category="Telepon & Internet",
    aliases=("internet", "indihome", "speedy", "wifi"),
    fields=(InputField("billNo", "Nomor pelanggan", wire="billNo", min_length=8, max_length=13),),
    inquiry_fitur="FTR413",
    payment_fitur="FTR414",
    inquiry_constants={"providerId": "SPEEDY"},
    payment_constants={"providerId": "SPEEDY"},
    echo=(
        Echo("NPWP", "NPWP"), *Echo.same("customerName", "paymentFlag", "amount", "billNo", "divreCode",
                                         "datelCode", "amountBill", "billAmount1", "billAmount2", "billAmount3",
                                         "billRef1", "billRef2", "billRef3", "biaya_adm"),
        Echo("billingId", "billNo"),
    ),
    fee_path="biaya_adm",
    total_path="total_amount",
    details=(("Jumlah tagihan", "amountBill"), *_bill_lines("billAmount", "billRef")),
    receipt=(("No. pelanggan", "request.billNo"), ("Nama", "request.customerName")),
    decisions=(
        "INC-02/MISS-06: the payment fiturId is missing (section 59 is cut off); FTR414 follows the "
        "inquiry's FTR413 by the document's numbering.",
        "INC-20: the payment wants billingId 'same as inquiry response' but the inquiry returns none; "
        "billingId = billNo.",
        "INC-19: the inquiry answers 'npwp', the payment definition asks 'NPWP'; read either, send NPWP.",
        "INC-04: the payment answer's trxType is unknown (the definition is truncated); nothing reads it.",
    ),
)

# -- TV (4-7) ---------------------------------------------------------------------------------

INDOVISION = ProductSpec(
    id="indovision",
    name="TV Berlangganan Indovision",
    group=TAGIHAN,
    category="TV Berlangganan",
    aliases=("tv", "televisi", "mnc", "indovision"),
    fields=(InputField("customerId", "Nomor pelanggan", wire="customerId", min_length=6, max_length=16),),
    inquiry_fitur="FTR428",
    payment_fitur="FTR429",
    trx_type="40",
    inquiry_constants={"providerId": "INDOVISION"},
    payment_constants={"providerId": "INDOVISION"},
    echo=(*Echo.same("amount", "customerName", "customNum", "telkomFlag", "numOfBill", "billAmount"),
          Echo("npwp", "npwp")),
    period="customNum",
    details=(("Periode layanan", "customNum"), ("Jumlah tagihan", "numOfBill")),
    receipt=(("No. pelanggan", "request.customerId"), ("Nama", "request.customerName"),
             ("Periode", "request.customNum")),
    decisions=("INC-19: NPWP (definition) vs npwp (example, payment definition): read either, send npwp.",),
)

FIRSTMEDIA = ProductSpec(
    id="firstmedia",
    name="TV Berlangganan First Media",
    group=TAGIHAN,
    category="TV Berlangganan",
    aliases=("tv", "televisi", "firstmedia", "first", "internet"),
    fields=(InputField("customerId", "Nomor pelanggan", wire="customerId", min_length=6, max_length=16),),
    inquiry_fitur="FTR500",
    payment_fitur="FTR427",
    trx_type="39",
    client_id=None,
    payment_constants={"clientId": "IBOC"},
    echo=Echo.same("amount", "customerName", "penalty", "billReffNo", "kandatelNum"),
    fee_path="fee",
    details=(("Denda", "penalty"), ("Ref. tagihan", "billReffNo")),
    receipt=(("No. pelanggan", "request.customerId"), ("Nama", "request.customerName"),
             ("Ref. tagihan", "request.billReffNo")),
    decisions=(
        "INC-03: FTR500 (inquiry) / FTR427 (payment) are out of sequence; used as printed.",
        "INC-39: the inquiry has no clientId; the payment definition requires clientId, which its example "
        "omits: sent as IBOC.",
    ),
)

# -- BPJS (8-9, 50-51) ------------------------------------------------------------------------


def _bpjs_ks_total(inquiry: Mapping[str, Any], _inputs: Mapping[str, str]) -> str:
    return str((money_at(inquiry, "h_totalBills") or 0) + (money_at(inquiry, "c_fee") or 0))


BPJS_KESEHATAN = ProductSpec(
    id="bpjs_kesehatan",
    name="BPJS Kesehatan",
    group=TAGIHAN,
    category="BPJS",
    aliases=("bpjs", "kesehatan", "jkn", "kis", "askes"),
    fields=(
        InputField("billingId", "Nomor VA / peserta", wire="billingId", min_length=11, max_length=16),
        InputField("months", "Jumlah bulan", MONTHS, wire="numberOfMonthsOfBills", choices=months(*range(1, 13)),
                   identifies=False),
    ),
    inquiry_fitur="FTR442",
    payment_fitur="FTR443",
    trx_type="101",
    client_id=None,
    inquiry_agent=True,
    pin_at_inquiry=True,
    payment_constants={"h_amountPaid": "0", "c_payMethod": "2", "c_description": "Pembayaran BPJS Kesehatan"},
    echo=Echo.same(
        "PAYMENT_TYPE", "CHANNEL", "MCP_ID", "h_billingId", "h_numberOfMonthsOfBills", "h_customerName",
        "h_branchCode", "h_branchName", "h_currency", "h_totalBills", "c_fee", "h_memberNumber",
        "h_totalMember", "h_detailBillingId", "h_detailPremi", "h_detailName", "h_inquiryTransId",
        "h_transactionId", "biaya_loket",
    ),
    derived={"h_totalAmount": _bpjs_ks_total},
    account_keys=("accountNum", "c_dbAccountNum"),
    amount_path="h_totalBills",
    amount_wire=None,
    fee_path="c_fee",
    counter_fee_path="biaya_loket",
    customer_name_path="h_customerName",
    period="h_numberOfMonthsOfBills",
    details=(("Jumlah bulan", "h_numberOfMonthsOfBills"), ("Jumlah peserta", "h_totalMember"),
             ("Cabang", "h_branchName"), ("No. peserta", "h_memberNumber")),
    # The months paid are what the customer came for; the host's "SUKSES" is the receipt's
    # own status line, so it is not printed a second time.
    receipt=(("No. VA", "request.h_billingId"), ("Nama", "request.h_customerName"),
             ("No. peserta", "request.h_memberNumber"), ("Jumlah bulan dibayar", "request.h_numberOfMonthsOfBills"),
             ("Jumlah peserta", "request.h_totalMember")),
    decisions=(
        "INC-07: h_totalAmount is defined as h_totalBills + h_fee, a field that does not exist; the "
        "example is h_totalBills + c_fee, so that is sent. biaya_loket (the counter's fee) is not in it.",
        "INC-07: c_fee is echoed although the inquiry definition does not list it (the example has it).",
        "INC-07: billingId and numberOfMonthsOfBills are sent in the payment as the definition asks, "
        "although the example omits them.",
        "INC-40: the inquiry definition requires pin_transaksi: the PIN is asked before the inquiry "
        "too (and again for the payment; a PIN is never kept).",
        "INC-05/INC-35: accountNum and c_dbAccountNum are sent as strings (numbers in the example).",
    ),
)

BPJS_KETENAGAKERJAAN = ProductSpec(
    id="bpjs_ketenagakerjaan",
    name="BPJS Ketenagakerjaan (BPU/TKI)",
    group=TAGIHAN,
    category="BPJS",
    aliases=("bpjs", "ketenagakerjaan", "tk", "jamsostek", "bpu", "tki"),
    fields=(
        InputField("payment_type", "Jenis kepesertaan", CHOICE, wire="payment_type",
                   choices=choices(("BPJS_TKBPU", "Bukan Penerima Upah (BPU)"),
                                   ("BPJS_TKTKI", "Tenaga Kerja Indonesia (TKI)"))),
        InputField("billingId1", "Nomor peserta / kode iuran", wire="billingId1", min_length=8, max_length=20,
                   to_payment=False),
        InputField("months", "Jumlah bulan", MONTHS, wire="numberOfMonthsOfBills", choices=months(1, 3, 6, 12),
                   identifies=False, to_payment=False),
    ),
    inquiry_fitur="FTR444",
    payment_fitur="FTR445",
    trx_type="114",
    client_id=None,
    inquiry_agent=True,
    echo=Echo.same(
        "biaya_loket", "h_billingNum", "h_requestId", "h_expiredDate", "h_effectiveDate", "h_activeDate",
        "h_countBillCode", "h_contributionCode", "h_amountJKM", "h_amountJHT", "h_amountJKK", "h_totalBPJSTK",
        "h_regFeeBPJSTK", "h_trxFeeBPJSTK", "h_program", "h_companyName", "c_fee", "h_companyId",
        "h_billingPeriod", "c_totalPay", "total_amount",
    ),
    amount_path="h_totalBPJSTK",
    amount_wire=None,
    fee_path="c_fee",
    total_path="c_totalPay",
    counter_fee_path="biaya_loket",
    customer_name_path="h_companyName",
    period="h_billingPeriod",
    details=(("Program", "h_program"), ("JKK", "h_amountJKK"), ("JKM", "h_amountJKM"), ("JHT", "h_amountJHT"),
             ("Berlaku s.d.", "h_expiredDate")),
    receipt=(("No. peserta", "request.h_billingNum"), ("Nama", "request.h_companyName"),
             ("Program", "request.h_program"), ("Kode iuran", "request.h_contributionCode")),
    decisions=(
        "INC-08: the inquiry definition says numberOfMonthOfBills, the example numberOfMonthsOfBills "
        "(the BPJS Kesehatan name): the example's spelling is sent.",
        "INC-08: the payment definition says total_Amount, the inquiry and example total_amount: "
        "total_amount is echoed.",
        "Totals: c_totalPay = h_totalBPJSTK + c_fee is what the bank debits; total_amount adds "
        "biaya_loket, the counter's own fee, shown apart.",
    ),
)

# -- PDAM (10-11) -----------------------------------------------------------------------------


def pdam_spec(providers: tuple[PdamProvider, ...]) -> ProductSpec:
    """PDAM with its company picker filled from the data file (see services.products.pdam)."""
    by_id = {p.provider_id: p for p in providers}

    def provider(inputs: Mapping[str, str]) -> PdamProvider:
        return by_id[inputs["provider"]]

    return ProductSpec(
        id="pdam",
        name="PDAM (Air Minum)",
        group=TAGIHAN,
        category="Air",
        aliases=("air", "pdam", "ledeng", *(a for p in providers for a in p.aliases)),
        fields=(
            InputField("provider", "Perusahaan air (PDAM)", CHOICE, wire="providerId",
                       choices=tuple(choices(*((p.provider_id, p.label) for p in providers)))),
            InputField("customerNumber", "Nomor pelanggan", min_length=3, max_length=20),
        ),
        inquiry_fitur="FTR479",
        payment_fitur="FTR480",
        trx_type="69",
        inquiry_agent=True,
        inquiry_derived={
            "adminFeeFlag": lambda _i, inp: provider(inp).admin_fee_flag,
            "pdam_type": lambda _i, inp: provider(inp).pdam_type,
            "billingId": lambda _i, inp: provider(inp).billing_id(inp["customerNumber"]),
        },
        derived={
            "namaPerusahaan": lambda _i, inp: provider(inp).provider_name,
        },
        echo=Echo.same("customerName", "billingId", "response", "bl_th", "penalti", "kubikasi", "amount",
                       "adminFee", "nominalTagihan", "totalTagihan"),
        fee_path="adminFee",
        total_path="totalTagihan",
        paid_fee_path="CustomerData.adminFee",  # section 11: "Bank admin fee"
        period="bl_th",
        details=(("Periode", "bl_th"), ("Pemakaian (m3)", "kubikasi"), ("Tagihan", "nominalTagihan"),
                 ("Denda", "penalti")),
        receipt=(("PDAM", "request.namaPerusahaan"), ("No. pelanggan", "request.billingId"),
                 ("Nama", "request.customerName"), ("Periode", "request.bl_th"),
                 ("Pemakaian (m3)", "request.kubikasi"), ("Ref. biller", "payment.data.billReffNum")),
        decisions=(
            "MISS-02: Appendix 2.5.2 is missing; the company list is data/pdam_providers.json (AETRA from "
            "the examples), extendable without code.",
            "INC-38: the inquiry's JSON adminFee (12500) and the embedded XML's (2500) differ; the JSON "
            "values are echoed, the XML 'response' string is echoed byte for byte.",
            "Totals (from the example): amount = nominalTagihan + penalti, totalTagihan = amount + adminFee.",
            "INC-40: the inquiry example sends pin_transaksi, the definition does not: not sent.",
        ),
    )


# -- Multifinance (12-25) ---------------------------------------------------------------------

_MF_ECHO = Echo.same(
    "customerName", "adminFee", "billingId", "collectionFee", "langCode", "transactionName", "cutOffDate",
    "billingInfo", "totalBill", "customerType", "installmentNo", "dueDate", "policeNo", "mainDebt", "interest",
    "installmentAmount", "finedAmount", "outstandingAmount", "totalInstallment", "maxPayment", "minPayment",
    "billReffNum", "amount",
)
def _mf_other(inquiry: Mapping[str, Any], _inputs: Mapping[str, str]) -> str:
    """What the bill's amount holds besides the installment and the fine it names, "" when
    nothing (or when a figure is missing or not whole rupiah): the document's Adira example
    asks 2.940.000 for an installment of 2.900.000 and a fine of 20.000, and a screen whose
    lines do not add up to its total leaves the agent nothing to tell the customer."""
    try:
        amount, installment, fine = (money_at(inquiry, key) for key in ("amount", "installmentAmount", "finedAmount"))
    except MoneyError:
        return ""
    if amount is None or installment is None or fine is None:
        return ""
    other = amount - installment - fine
    return str(other) if other > 0 else ""


_MF_DETAILS = (("Pembiayaan", "provider"), ("Angsuran ke", "installmentNo"), ("Jatuh tempo", "dueDate"),
               ("Angsuran", "installmentAmount"), ("Denda", "finedAmount"), ("Lain-lain", _mf_other),
               ("No. polisi", "policeNo"))
_MF_RECEIPT = (("No. kontrak", "request.billingId"), ("Nama", "request.customerName"),
               ("Angsuran ke", "request.installmentNo"), ("Jatuh tempo", "request.dueDate"),
               ("No. polisi", "request.policeNo"))
_MF_ALIASES = ("multifinance", "kredit", "angsuran", "cicilan", "leasing", "motor", "mobil")


def _multifinance(id_: str, name: str, provider: str, inquiry: str, payment: str, *aliases: str,
                  decisions: tuple[str, ...] = ()) -> ProductSpec:
    return ProductSpec(
        id=id_,
        name=name,
        group=TAGIHAN,
        category="Angsuran Kredit",
        aliases=(*_MF_ALIASES, *aliases),
        fields=(InputField("billingId", "Nomor kontrak", wire="billingId", min_length=5, max_length=20),),
        inquiry_fitur=inquiry,
        payment_fitur=payment,
        trx_type="68",
        inquiry_agent=True,
        pin_at_inquiry=True,
        inquiry_constants={"providerId": provider},
        payment_constants={"providerId": provider},
        echo=_MF_ECHO,
        fee_path="adminFee",
        paid_fee_path="CustomerData.adminFee",  # sections 13-23: "Bank admin fee"
        period="dueDate",
        details=_MF_DETAILS,
        receipt=_MF_RECEIPT,
        decisions=(
            "INC-12: the payment echoes the inquiry's amount unchanged (the definition) although the "
            "examples send other values; the debited total is amount + adminFee.",
            "INC-15: the answer's 'provider' is read case-insensitively (definition 'Provider').",
            "INC-16: FIF's payment descriptions of interest/outstandingAmount/collectionFee contradict the "
            "inquiry; values are echoed by field name.",
            *decisions,
        ),
    )


MF_ADIRA = _multifinance("mf_adira", "Adira Finance", "ADIRA_FINANCE", "FTR450", "FTR451", "adira",
                         decisions=("INC-15: adminFee is echoed although the Adira inquiry definition omits it.",))
MF_FIF = _multifinance("mf_fif", "FIF (Federal International Finance)", "FIF", "FTR452", "FTR453", "fif", "federal")
MF_OTO = _multifinance(
    "mf_oto", "OTO Kredit", "OTO_FINANCE", "FTR454", "FTR455", "oto",
    decisions=("INC-02/INC-14: the inquiry's fiturId is missing (its 'Request' example is a pasted FIF "
               "error); FTR454 by numbering, request built from the definition.",
               "INC-13: the payment success example is FIF's; not used as evidence."),
)
MF_SMS = _multifinance("mf_sms", "SMS Finance", "SMS_FINANCE", "FTR456", "FTR457", "sms",
                       decisions=("INC-13: the payment success example is FIF's; not used as evidence.",))
MF_NSC = _multifinance("mf_nsc", "NSC Finance", "NSC_FINANCE", "FTR458", "FTR459", "nsc",
                       decisions=("INC-17: accountNum is sent although the payment definition omits it.",))
MF_KREDITPLUS = _multifinance("mf_kreditplus", "KreditPlus (Finansia)", "KREDITPLUS", "FTR460", "FTR461",
                              "kreditplus", "finansia",
                              decisions=("INC-17: accountNum is sent although the payment definition omits it.",))

MF_ACC = ProductSpec(
    id="mf_acc",
    name="ACC (Astra Credit Companies)",
    group=TAGIHAN,
    category="Angsuran Kredit",
    aliases=(*_MF_ALIASES, "acc", "astra"),
    fields=(InputField("billingId", "Nomor kontrak", wire="billingId", min_length=5, max_length=20),),
    inquiry_fitur="FTR462",
    payment_fitur="FTR463",
    trx_type="68",
    inquiry_agent=True,
    pin_at_inquiry=True,
    inquiry_constants={"providerId": "ACC_FINANCE"},
    payment_constants={"providerId": "ACC_FINANCE"},
    echo=Echo.same("amount", "customerName", "adminFee", "billingId", "dueDate", "installmentAmount", "finedAmount",
                   "adminFee1", "adminFee2", "telkomFlag", "regionCode", "lateCharge", "biaya_adm_bank"),
    fee_path="biaya_adm_bank",
    total_path="total_amount",
    paid_fee_path="CustomerData.bankadmin",  # section 25: "Same value as biaya_adm_bank"
    period="dueDate",
    details=(("Pembiayaan", "provider"), ("Jatuh tempo", "dueDate"), ("Angsuran", "installmentAmount"),
             ("Denda", "finedAmount"), ("Biaya keterlambatan", "lateCharge")),
    receipt=(("No. kontrak", "request.billingId"), ("Nama", "request.customerName"),
             ("Jatuh tempo", "request.dueDate")),
    decisions=(
        "INC-01: FTR463 is printed for both the ACC payment (section 25) and the BNI Life payment "
        "(section 27), with different providerIds: both send it, the host tells them apart by providerId.",
        "Totals: total_amount = amount + biaya_adm_bank (the bank's fee, CustomerData.bankadmin).",
        "INC-18: the payment example pays a different bill than the inquiry example; the 13 listed "
        "fields are echoed.",
    ),
)

# -- Insurance (26-27, 31-42, 56-57) ----------------------------------------------------------

_BNI_LIFE_CLOSED = ("BNILIFE_PREMI_LANJUTAN", "BNILIFE_CETAK_ULANG_POLIS")


def _bni_life_amount(inputs: Mapping[str, str]) -> None:
    closed = inputs["providerId"] in _BNI_LIFE_CLOSED
    if closed and inputs.get("amount"):
        raise UserInputError("amount", "Untuk jenis pembayaran ini nominal ditentukan BNI Life: kosongkan nominal.")
    if not closed and not inputs.get("amount"):
        raise UserInputError("amount", "Nominal bayar wajib diisi untuk jenis pembayaran ini.")


BNI_LIFE = ProductSpec(
    id="bni_life",
    name="Asuransi BNI Life",
    group=TAGIHAN,
    category="Asuransi",
    aliases=("asuransi", "bnilife", "life", "premi", "polis"),
    fields=(
        InputField("providerId", "Jenis pembayaran", CHOICE, wire="providerId", choices=choices(
            ("BNILIFE_PREMI_PERTAMA", "Premi pertama"),
            ("BNILIFE_PREMI_LANJUTAN", "Premi lanjutan"),
            ("BNILIFE_PINJAMAN_POLIS", "Pinjaman polis"),
            ("BNILIFE_TOPUP_PREMI", "Top up premi"),
            ("BNILIFE_CETAK_ULANG_POLIS", "Cetak ulang polis"),
            ("BNILIFE_BIAYA_CETAK_ULANG_POLIS", "Biaya pemulihan polis"),
        )),
        InputField("spajNumber", "Nomor SPAJ / polis", wire="spajNumber", min_length=6, max_length=20),
        InputField("amount", "Nominal bayar", AMOUNT, wire="amount", required=False, identifies=False,
                   to_payment=False, hint="kosongkan untuk premi lanjutan dan cetak ulang polis"),
    ),
    inquiry_fitur="FTR437",
    payment_fitur="FTR463",
    trx_type="52",
    check=_bni_life_amount,
    echo=Echo.same("telkomFlag", "amount", "spajNumber", "installment", "dueDate", "name", "billStatCode",
                   "productIndicator", "product1", "premiAmount1", "product2", "premiAmount2", "product3",
                   "premiAmount3"),
    customer_name_path="name",
    period="dueDate",
    details=(("Produk 1", "product1"), ("Premi 1", "premiAmount1"), ("Produk 2", "product2"),
             ("Premi 2", "premiAmount2"), ("Produk 3", "product3"), ("Premi 3", "premiAmount3"),
             ("Angsuran", "installment"), ("Jatuh tempo", "dueDate")),
    receipt=(("No. SPAJ", "request.spajNumber"), ("Nama", "request.name"), ("Jenis", "payment.data.ket")),
    decisions=(
        "INC-01: the document prints FTR463 for both the ACC Finance payment (L3570) and this one (L3858), "
        "with different providerIds (ACC_FINANCE, BNILIFE_*): Loket sends what the document shows and the "
        "host tells the two apart by providerId. A deployment whose bank table differs overrides the "
        "fiturIds in Koneksi Host (hosts.keagenan.fitur_overrides).",
        "INC-28: 'Re-instatement fee' maps to BNILIFE_BIAYA_CETAK_ULANG_POLIS as printed.",
        "Section 26: amount is '' for Continuation Premium and Reprint Policy (closed), typed otherwise.",
    ),
)

_PRU_ECHO = (
    *Echo.same("billingId", "productIndicator", "flag", "maxAmount", "billStatOut", "adm", "reffNum1", "amount1",
               "minAmount", "billIndicator1"),
    Echo("billIndikator1", "billIndicator1"),
    Echo("customName", "customeName"),
    Echo("customGroup", "customeGroup"),
    Echo("standMeter1", "standMeter"),
)
_PRU_DECISIONS = (
    "INC-21: renames as the definition says: customName <- customeName, customGroup <- customeGroup, "
    "standMeter1 <- standMeter; billingId and reffNum1 are echoed too.",
    "INC-21: the definition spells billIndicator1, every example billIndikator1: both are sent with the "
    "inquiry's billIndicator1, so whichever the host reads is right.",
    "INC-22: flag is echoed as the inquiry gave it ('02'), not as the examples' '2'.",
)
_PRU_RECEIPT = (("No. polis", "request.billingId"), ("Nama", "request.customName"),
                ("Produk", "request.productIndicator"), ("Ref.", "payment.data.reffNum"))


def _prudential(id_: str, name: str, params_id: str, inquiry: str, payment: str, *aliases: str,
                free: bool, bounded: bool = False, decisions: tuple[str, ...] = ()) -> ProductSpec:
    return ProductSpec(
        id=id_,
        name=f"Prudential - {name}",
        group=TAGIHAN,
        category="Asuransi",
        family="prudential",
        aliases=("asuransi", "prudential", "pru", "polis", *aliases),
        fields=(InputField("billingId", "Nomor polis", wire="billingId", min_length=2, max_length=20),
                *((_amount_field(),) if free else ())),
        inquiry_fitur=inquiry,
        payment_fitur=payment,
        trx_type="61",
        inquiry_agent=True,
        inquiry_constants={"providerId": "PRUDENTIAL", "paramsId": params_id},
        payment_constants={"providerId": "PRUDENTIAL", "paramsId": params_id, "billStatCode": "1"},
        echo=_PRU_ECHO if free else (*_PRU_ECHO, Echo("amount", "amount")),
        free_amount=free,
        amount_field="amount" if free else None,
        amount_path="amount1" if free else "amount",
        min_path="minAmount" if bounded else None,
        max_path="maxAmount" if bounded else None,
        customer_name_path="customeName",
        period="standMeter",
        details=(("Periode premi", "standMeter"), ("Frekuensi", "adm"), ("Mata uang", "customeGroup"),
                 ("Minimal", "minAmount"), ("Maksimal", "maxAmount")),
        receipt=_PRU_RECEIPT,
        decisions=(*_PRU_DECISIONS, *decisions),
    )


PRU_INITIAL = ProductSpec(
    id="prudential_initial",
    name="Prudential - Premi Pertama",
    group=TAGIHAN,
    category="Asuransi",
    family="prudential",
    aliases=("asuransi", "prudential", "pru", "premi", "pertama"),
    fields=(InputField("billingId", "Nomor SPAJ / tagihan", wire="billingId", min_length=2, max_length=20),
            _amount_field()),
    payment_fitur="FTR415",
    trx_type="61",
    amount_field="amount",
    customer_name_path=None,
    receipt=(("No. tagihan", "request.billingId"), ("Jenis", "payment.data.ket")),
    decisions=("Single-step payment (no inquiry); no providerId/paramsId as in the definition.",
               "financialJurnal (definition) vs financialJournal (example): either is read."),
)
PRU_CONTINUATION = _prudential(
    "prudential_continuation", "Premi Lanjutan", "2", "FTR416", "FTR417", "lanjutan", free=False,
    decisions=("INC-40: the inquiry definition marks kode_mitra and kode_cabang mandatory (L4713-4714) and "
               "its example sends all three kode_* (L4747-4749): all three are sent, like every other "
               "Prudential inquiry.",
               "Section 34: billingId is echoed although the payment definition omits it (the example sends it)."),
)
PRU_TOPUP = _prudential("prudential_topup", "Top Up Premi", "3", "FTR418", "FTR419", "topup", "top",
                        free=True, bounded=True,
                        decisions=("The typed amount must lie within the inquiry's minAmount..maxAmount.",))
_PRU_FEE_NOTE = ("The inquiry's minAmount (45000) is contradicted by the examples, which pay 20000: the typed "
                 "amount is not bounded by it.",)
PRU_REPRINT = _prudential("prudential_reprint", "Cetak Ulang Polis", "4", "FTR420", "FTR421", "cetak", "ulang",
                          free=True, decisions=(*_PRU_FEE_NOTE, "INC-23: debitAccountNo/creditAccountNo omitted."))
PRU_ADJUSTMENT = _prudential("prudential_adjustment", "Perubahan Polis", "5", "FTR422", "FTR423", "perubahan",
                             free=True, decisions=_PRU_FEE_NOTE)
PRU_CARD = _prudential("prudential_card", "Cetak Kartu", "6", "FTR424", "FTR425", "kartu", "cetak",
                       free=True, decisions=_PRU_FEE_NOTE)

BUMIPUTERA = ProductSpec(
    id="bumiputera",
    name="Asuransi Bumiputera",
    group=TAGIHAN,
    category="Asuransi",
    aliases=("asuransi", "bumiputera", "ajb", "premi", "polis"),
    fields=(
        InputField("providerId", "Jenis pembayaran", CHOICE, wire="providerId", choices=choices(
            ("BUMIPUTERA_PERTAMA", "Premi pertama"), ("BUMIPUTERA_LANJUTAN", "Premi lanjutan"),
            ("BUMIPUTERA_TOPUP", "Top up premi"))),
        InputField("billingId", "Nomor polis", wire="billingId", min_length=4, max_length=20, to_payment=False),
    ),
    inquiry_fitur="FTR481",
    payment_fitur="FTR482",
    trx_type="70",
    client_id=None,
    inquiry_agent=True,
    pin_at_inquiry=True,
    echo=(
        *Echo.same("customerName", "currCode", "frequency", "billInfo", "prodCode", "dueDateMonth", "billAmount",
                   "polisStatus", "fee", "billingId", "billPremi", "billPremiPolis", "dueDateYear", "minValue",
                   "payProof"),
        Echo("amount", "billAmount"),
    ),
    amount_path="billAmount",
    fee_path="fee",
    total_path="total_amount",
    # section 57: CustomerData.biaya_adm "Admin fee", CustomerData.total_amount "including billAmount and fee"
    paid_fee_path="CustomerData.biaya_adm",
    paid_total_path="CustomerData.total_amount",
    period="dueDateMonth",
    details=(("Status polis", "polisStatus"), ("Frekuensi", "frequency"), ("Jatuh tempo", "dueDateMonth"),
             ("Tahun", "dueDateYear"), ("Premi", "billPremi")),
    receipt=(("No. polis", "request.billingId"), ("Nama", "request.customerName"),
             ("Jatuh tempo", "request.dueDateMonth"), ("Bukti bayar", "request.payProof")),
    decisions=(
        "INC-27: the inquiry definition lists 4 fields but the payment echoes 16 found only in the example; "
        "the example's fields are the answer, payProof is echoed too.",
        "The payment's amount is 'Total Billing, same as inquiry' but the inquiry's amount is '0' (the "
        "host refuses 0: RC 30); the inquiry's billAmount is sent as amount; total_amount = billAmount + fee.",
        "INC-40: no clientId (neither definition nor example has one).",
    ),
)

# -- PLN (28-30, 33) --------------------------------------------------------------------------

_PLN = {"systemId": "POSTPAID", "channelId": "NEWIBANK"}

PLN_POSTPAID = ProductSpec(
    id="pln_postpaid",
    name="PLN Pascabayar (Tagihan Listrik)",
    group=TAGIHAN,
    category="Listrik",
    aliases=("pln", "listrik", "pascabayar", "postpaid", "tagihan"),
    fields=(InputField("customerId", "ID pelanggan", wire="customerId", min_length=5, max_length=12),),
    inquiry_fitur="FTR493",
    payment_fitur="FTR494",
    trx_type="90",
    client_id="NEWIBANK",
    inquiry_agent=True,
    pin_at_inquiry=True,
    inquiry_constants={**_PLN, "feeId": "00545300"},
    payment_constants={**_PLN, "feeId": "00545300"},
    echo=Echo.same("customerId", "response", "adminFeeParam"),
    derived={"bl_th": derived.pln_bl_th, "daya": derived.pln_daya, "stand_meter": derived.pln_stand_meter},
    amount_path="billAmount",
    fee_path="adminFee",
    # The bank's word on the fee it took is CustomerData.biaya_adm, "Transaction admin fee"
    # (null in section 29's example: the quoted fee stands). Not data.adminFee: the answer
    # defines it as "Same value as Payment request" (L4249), a request that carries no
    # adminFee, only adminFeeParam, the "administration fee parameter" (a month's fee where
    # the inquiry's adminFee may be a bill of several months'): read as the fee taken, it
    # would tell the agent to hand back a fee the bank kept.
    paid_fee_path="CustomerData.biaya_adm",
    period=derived.pln_bl_th,
    details=(("Periode", derived.pln_bl_th), ("Tarif/daya", derived.pln_daya),
             ("Stand meter", derived.pln_stand_meter), ("Jumlah bulan", "billStatus")),
    receipt=(("ID pelanggan", "request.customerId"), ("Nama", "payment.data.customerName"),
             ("Tarif/daya", "request.daya"), ("Bl/Th", "request.bl_th"), ("Stand meter", "request.stand_meter"),
             ("Ref. PLN", "payment.data.PLNRefNum"), ("Info", "payment.data.PLNNote")),
    decisions=(
        "INC-10: the payment's amount has no echo rule and the example (125000) matches nothing in its "
        "inquiry (billAmount 1200000): amount = the inquiry's billAmount; the fee (adminFee) is separate.",
        "customerId is echoed from the inquiry answer (the example answers a longer id than it was asked).",
        "INC-09: example spellings are read (billPeriodeN, billPinaltyN, PLNRefNum); billPeriodN as fallback.",
        "ID pelanggan is 5-12 digits: real ids are 12, the document's example customer is 53111.",
    ),
)

PLN_NONTAGLIS = ProductSpec(
    id="pln_nontaglis",
    name="PLN Non-Taglis (Pasang Baru/Tambah Daya)",
    group=TAGIHAN,
    category="Listrik",
    aliases=("pln", "listrik", "nontaglis", "non", "taglis", "pasang", "tambah", "daya"),
    fields=(InputField("registrationNum", "Nomor registrasi", wire="registrationNum", min_length=6,
                       max_length=13, to_payment=False),),
    inquiry_fitur="FTR495",
    payment_fitur="FTR496",
    trx_type="91",
    client_id="NEWIBANK",
    inquiry_agent=True,
    pin_at_inquiry=True,
    inquiry_constants={**_PLN, "feeId": "01070000", "providerId": "PLN_NONTAGLIS"},
    payment_constants={**_PLN, "feeId": "01070000"},
    echo=Echo.same("response", "amount", "registrationNum", "transactionName"),
    derived={"tgl_reg": derived.pln_tgl_reg},
    fee_path="fee",
    # the agent reads the registration date as a date; tgl_reg is only the wire's ddMMMyy
    details=(("Transaksi", "transactionName"), ("Tgl. registrasi", "registrationDate"),
             ("No. pelanggan", "customerNumber")),
    receipt=(("No. registrasi", "request.registrationNum"), ("Nama", "payment.data.customerName"),
             ("Transaksi", "request.transactionName"), ("Tgl. registrasi", "request.tgl_reg"),
             ("Ref. PLN", "payment.data.PLNreffNum"), ("Info", "payment.data.receiptNote")),
    decisions=(
        "INC-11: amount and registrationNum are the inquiry's (the examples differ: 50000/500000, "
        "531112/531113); the 'response' string is echoed byte for byte.",
        "MISS-05: tgl_reg = ddMMMyy with Indonesian months from registrationDate (20111208 -> 08DES11); "
        "the agent and the receipt read it as a date (08 Des 2011), the wire keeps 08DES11.",
        "Section 30 (payment) precedes section 33 (inquiry) in the document; the pair is FTR495 -> FTR496.",
    ),
)

# -- Cards, loans, charity, mobile, tickets (43-55) -------------------------------------------

CC_BNI = ProductSpec(
    id="cc_bni",
    name="Kartu Kredit BNI",
    group=TAGIHAN,
    category="Kartu Kredit & Pinjaman",
    aliases=("kartu", "kredit", "cc", "credit", "card", "bni"),
    fields=(InputField("cardNum", "Nomor kartu", wire="cardNum", min_length=16, max_length=16, masked=True),
            _amount_field()),
    inquiry_fitur="FTR430",
    payment_fitur="FTR431",
    trx_type="41",
    free_amount=True,
    amount_field="amount",
    amount_path="lastBillAmount",
    customer_name_path="cardHolder",
    period="dueDate",
    details=(("Tagihan terakhir", "lastBillAmount"), ("Pembayaran minimum", "minPayment"),
             ("Tanggal cetak", "statementDate"), ("Jatuh tempo", "dueDate")),
    receipt=(("No. kartu", "request.cardNum"), ("Nama", "inquiry.cardHolder")),
    decisions=("INC-02/MISS-07: the payment has no fiturId and no example; FTR431 by numbering, fields from "
               "the definition (cardNum + typed amount).",
               "The amount is typed (open payment); the inquiry's lastBillAmount is offered as default."),
)

_CC_BANKS = choices(
    ("CITIBANK", "Citibank"), ("BRI", "BRI"), ("BUKOPIN", "Bukopin"), ("MEGA", "Bank Mega"), ("DANAMON", "Danamon"),
    ("NIAGA", "CIMB Niaga"), ("AMEX", "American Express"), ("HSBC", "HSBC"), ("SCB", "Standard Chartered"),
    ("GE", "GE Finance"), ("ANZ", "ANZ"), ("PANIN", "Panin"),
)

CC_OTHER = ProductSpec(
    id="cc_other",
    name="Kartu Kredit Bank Lain",
    group=TAGIHAN,
    category="Kartu Kredit & Pinjaman",
    aliases=("kartu", "kredit", "cc", "credit", "card", *(c.value.lower() for c in _CC_BANKS)),
    fields=(InputField("bankCode", "Bank penerbit", CHOICE, wire="bankCode", choices=_CC_BANKS),
            InputField("cardNum", "Nomor kartu", wire="cardNum", min_length=15, max_length=16, masked=True),
            _amount_field()),
    payment_fitur="FTR432",
    trx_type="42",
    amount_field="amount",
    fee_rule=lambda inputs: 7500 if inputs.get("bankCode") == "BRI" else 0,
    customer_name_path=None,
    receipt=(("Bank", "request.bankCode"), ("No. kartu", "request.cardNum")),
    decisions=("Section 45: biaya_adm is 7500 for BRI, 0 for the other banks.",),
)

PERSONAL_LOAN = ProductSpec(
    id="personal_loan",
    name="Pinjaman Pribadi (KTA)",
    group=TAGIHAN,
    category="Kartu Kredit & Pinjaman",
    aliases=("pinjaman", "kta", "loan", "personal", "anz", "citibank", "hsbc", "scb"),
    fields=(InputField("bankCode", "Bank", CHOICE, wire="bankCode", choices=choices(
                ("ANZ_PL", "ANZ"), ("CITIBANK_PL", "Citibank"), ("SCB_PL", "Standard Chartered"), ("HSBC_PL", "HSBC"))),
            InputField("cardNum", "Nomor pinjaman", wire="cardNum", min_length=6, max_length=20),
            _amount_field()),
    payment_fitur="FTR433",
    trx_type="43",
    amount_field="amount",
    customer_name_path=None,
    receipt=(("Bank", "request.bankCode"), ("No. pinjaman", "request.cardNum")),
)

_CHARITY = (
    ("ZAKAT", "Zakat", ("DOMPET_DHUAFA", "BAZNAS", "PKPU", "DPU_DAARUT_TAUHID", "PPSDMS", "BAMUIS", "RUMAH_ZAKAT")),
    ("INFAQ", "Infaq", ("DOMPET_DHUAFA", "BAZNAS", "PKPU", "DPU_DAARUT_TAUHID", "PPSDMS", "BAMUIS", "RUMAH_ZAKAT")),
    ("QURBAN", "Qurban", ("DOMPET_DHUAFA", "BAZNAS", "PKPU", "DPU_DAARUT_TAUHID", "RUMAH_ZAKAT")),
    ("WAKAF", "Wakaf", ("DOMPET_DHUAFA",)),
)

CHARITY = ProductSpec(
    id="charity",
    name="Zakat, Infaq, Qurban, Wakaf",
    group=PEMBELIAN,
    category="Donasi",
    aliases=("zakat", "infaq", "infak", "qurban", "kurban", "wakaf", "donasi", "sedekah", "amal"),
    fields=(InputField("providerId", "Lembaga dan jenis", CHOICE, wire="providerId", choices=tuple(
                choices(*((f"{kind}_{org}", f"{label} - {org.replace('_', ' ').title()}")
                          for kind, label, orgs in _CHARITY for org in orgs)))),
            _amount_field()),
    payment_fitur="FTR426",
    trx_type="30",
    amount_field="amount",
    customer_name_path=None,
    receipt=(("Lembaga", "request.providerId"),),
    decisions=("Section 47: 20 providerIds as printed; the response example is another transaction's.",),
)

MOBILE_POSTPAID = ProductSpec(
    id="mobile_postpaid",
    name="Ponsel Pascabayar",
    group=TAGIHAN,
    category="Telepon & Internet",
    aliases=("hp", "ponsel", "handphone", "pascabayar", "postpaid", "halo", "indosat", "smartfren", "tri", "xl"),
    fields=(InputField("providerId", "Operator", CHOICE, wire="providerId", choices=choices(
                ("HALO", "Telkomsel Halo"), ("INDOSAT_POSTPAID", "Indosat Matrix"), ("FREN_POSTPAID", "Smartfren"),
                ("THREE_POSTPAID", "Tri"), ("XPLOR", "XL Xplor/Axis"))),
            InputField("phoneNum", "Nomor HP", wire="phoneNum", min_length=10, max_length=13, to_payment=False)),
    inquiry_fitur="FTR411",
    payment_fitur="FTR412",
    trx_type="22",
    echo=Echo.same("customerName", "amount", "flag", "phoneNum", "customerNum", "NPWP", "kandatelNum",
                   "billingReff3", "billingAmount3", "billingReff2", "billingAmount2", "billingReff1",
                   "billingAmount1", "billStatCode"),
    details=(("Tagihan 1", "billingAmount1"), ("Tagihan 2", "billingAmount2"), ("Tagihan 3", "billingAmount3")),
    receipt=(("No. HP", "request.phoneNum"), ("Nama", "request.customerName"), ("Operator", "request.providerId")),
    decisions=("INC-24: NPWP and customerNum are sent inside data (the definition drops the prefix).",),
)

AIRLINE = ProductSpec(
    id="airline",
    name="Tiket Pesawat",
    group=PEMBELIAN,
    category="Tiket",
    aliases=("tiket", "pesawat", "airline", "terbang", "airasia", "citilink", "garuda", "lion", "sriwijaya"),
    fields=(InputField("providerId", "Maskapai", CHOICE, wire="providerId", choices=choices(
                ("AIRASIA", "AirAsia"), ("CITILINK", "Citilink"), ("GARUDA", "Garuda Indonesia"),
                ("LIONAIR", "Lion Air"), ("SRIWIJAYA", "Sriwijaya Air"))),
            InputField("billingId", "Kode bayar / booking", TEXT, wire="billingId", min_length=4, max_length=20,
                       to_payment=False)),
    inquiry_fitur="FTR434",
    payment_fitur="FTR435",
    trx_type="50",
    echo=Echo.same("telkomFlag", "billingId", "pnrCode", "passangerName", "flightAmount", "billerCode",
                   "flightInfo1", "flightInfoExtended1", "flightInfo2", "flightInfoExtended2", "flightInfo3",
                   "flightInfoExtended3", "amount"),
    customer_name_path="passangerName",
    details=(("Kode PNR", "pnrCode"), ("Jumlah penerbangan", "flightAmount"), ("Penerbangan 1", "flightInfo1"),
             ("Penerbangan 2", "flightInfo2"), ("Penerbangan 3", "flightInfo3")),
    receipt=(("Kode bayar", "request.billingId"), ("PNR", "request.pnrCode"),
             ("Penumpang", "request.passangerName"), ("Penerbangan 1", "request.flightInfo1"),
             ("Penerbangan 2", "request.flightInfo2")),
    decisions=("INC-26: every flightInfo* is echoed verbatim, leading spaces included (the example does not).",),
)

KAI = ProductSpec(
    id="kai",
    name="Tiket Kereta Api (KAI)",
    group=PEMBELIAN,
    category="Tiket",
    aliases=("tiket", "kereta", "kai", "train", "ka"),
    fields=(InputField("billingId", "Kode bayar", TEXT, wire="billingId", min_length=6, max_length=20,
                       to_payment=False),),
    inquiry_fitur="FTR473",
    payment_fitur="FTR474",
    trx_type="110",
    inquiry_agent=True,
    pin_at_inquiry=True,
    inquiry_constants={"providerId": "KAI"},
    payment_constants={"providerId": "KAI"},
    echo=(
        *Echo.same("langCode", "telkomFlag", "productIndicator", "billingId", "passengerName", "formatVersion",
                   "bookingCode", "trainName", "kandNum", "stationFrom", "stationTo", "billValue", "totalPassenger",
                   "depatureDate", "totalBilling", "depatureTime", "adminFee", "seatNo"),
        Echo("classInfo", "class"),
        Echo("amount", "totalBilling"),
    ),
    amount_path="totalBilling",
    fee_path="adminFee",
    customer_name_path="passengerName",
    period="depatureDate",
    details=(("Kode booking", "bookingCode"), ("Kereta", "trainName"), ("Kelas", "class"),
             ("Dari", "stationFrom"), ("Ke", "stationTo"), ("Berangkat", "depatureDate"),
             ("Jam", "depatureTime"), ("Penumpang", "totalPassenger"), ("Kursi", "seatNo")),
    # the ticket's lines as the confirmation showed them, with the same labels: what the
    # passenger reads on paper is what the agent read out (the class, the time and the
    # passengers included)
    receipt=(("Kode booking", "request.bookingCode"), ("Nama", "request.passengerName"),
             ("Kereta", "request.trainName"), ("Kelas", "request.classInfo"), ("Dari", "request.stationFrom"),
             ("Ke", "request.stationTo"), ("Berangkat", "request.depatureDate"), ("Jam", "request.depatureTime"),
             ("Penumpang", "request.totalPassenger"), ("Kursi", "request.seatNo")),
    decisions=(
        "INC-25: the examples' spellings are used (passengerName, totalPassenger, classInfo <- class), "
        "not the definition's passangerName/totalPassanger/class.",
        "INC-25: amount is 'Total Billing, same as inquiry': the inquiry's totalBilling (its amount is '0'); "
        "the fee is adminFee.",
    ),
)


# product -> the line of bni-keagenan-api-v1.15.txt where its payment section's Response
# Definition lists ``data.reffNum`` (``ProductSpec.answer_reff_line``). The payment sections
# that define none (``ANSWER_ECHOES`` below): Telkom (3, its table at L190), BPJS Kesehatan
# (9, L919), KreditPlus (23, L3221), Prudential initial premium (31, L4591), BNI credit card
# (44, L5921), airline (53, L7041), KAI (55, L7305).
ANSWER_REFF_LINES = {
    "indovision": 425, "firstmedia": 643, "pdam": 1241, "mf_adira": 1540, "mf_fif": 1872, "mf_oto": 2227,
    "mf_sms": 2559, "mf_nsc": 2890, "mf_acc": 3527, "bni_life": 3821, "pln_postpaid": 4227, "pln_nontaglis": 4424,
    "prudential_continuation": 4971, "prudential_topup": 5231, "prudential_reprint": 5381,
    "prudential_adjustment": 5533, "prudential_card": 5716, "cc_other": 5976, "personal_loan": 6108,
    "charity": 6238, "mobile_postpaid": 6472, "bpjs_ketenagakerjaan": 6747, "bumiputera": 7573,
    "internet_telkom": 7854,
}


# product (of a section whose answer defines no reffNum) -> the answer fields its Response
# Definition calls "Same value as Payment request" that Loket compares
# (``ProductSpec.answer_echoes``), with their lines in bni-keagenan-api-v1.15.txt. Telkom's
# no_tel (L211) is "area code + phone number", the only echo of the customer paid.
ANSWER_ECHOES = {
    "telkom": ("data.amount", "CustomerData.no_tel"),  # L200, L211
    "bpjs_kesehatan": ("data.h_billingId", "data.h_totalBills"),  # L939, L945
    "mf_kreditplus": ("data.billingId", "data.amount"),  # L3241, L3240
    "prudential_initial": ("data.billingId", "data.amount"),  # L4606, L4610
    "cc_bni": ("data.cardNum", "data.amount"),  # L5940, L5930
    "airline": ("data.billingId",),  # L7058
    "kai": ("data.billingId", "data.bookingCode", "data.amount", "data.totalBilling"),  # L7323, L7326, L7311, L7332
}


def build(providers: tuple[PdamProvider, ...]) -> tuple[ProductSpec, ...]:
    """Every product, in the order the menu lists them."""
    products = (
        PLN_POSTPAID, PLN_NONTAGLIS, BPJS_KESEHATAN, BPJS_KETENAGAKERJAAN, pdam_spec(providers),
        TELKOM, INTERNET_TELKOM, MOBILE_POSTPAID, INDOVISION, FIRSTMEDIA,
        MF_ADIRA, MF_FIF, MF_OTO, MF_SMS, MF_NSC, MF_KREDITPLUS, MF_ACC,
        BNI_LIFE, PRU_INITIAL, PRU_CONTINUATION, PRU_TOPUP, PRU_REPRINT, PRU_ADJUSTMENT, PRU_CARD, BUMIPUTERA,
        CC_BNI, CC_OTHER, PERSONAL_LOAN,
        CHARITY, AIRLINE, KAI,
    )
    return tuple(replace(p, answer_reff_line=ANSWER_REFF_LINES.get(p.id, 0), answer_echoes=ANSWER_ECHOES.get(p.id, ()))
                 for p in products)


__all__ = ["build", "pdam_spec"]
