"""The product catalogue: field validation, search, derived fields, the PDAM data file, and
that every product of the BNI Keagenan document is there with its fiturIds."""

from __future__ import annotations

import json

import pytest

from services.errors import UserInputError
from services.hosts.keagenan.client import AgentCode, reff_num
from services.products import PEMBELIAN, TAGIHAN, default_catalogue
from services.products.derived import pln_bl_th, pln_daya, pln_stand_meter, pln_tgl_reg
from services.products.pdam import load_providers
from services.products.spec import CHOICE, Choice, InputField

CAT = default_catalogue()


# -- validation ------------------------------------------------------------------------------

def test_digits_keep_leading_zeros_and_refuse_letters():
    telkom = CAT.get("telkom")
    assert (telkom.clean({"areaCode": "0021", "phoneNum": "998 877 441"})
            == {"areaCode": "0021", "phoneNum": "998877441"})
    with pytest.raises(UserInputError) as info:
        telkom.clean({"areaCode": "021", "phoneNum": "99887744A"})
    assert info.value.field == "phoneNum" and "angka" in info.value.message


def test_length_and_required_are_checked_at_the_field():
    pln = CAT.get("pln_postpaid")
    with pytest.raises(UserInputError) as info:
        pln.clean({"customerId": "1234"})
    assert info.value.field == "customerId" and "5 sampai 12" in info.value.message
    with pytest.raises(UserInputError) as info:
        pln.clean({})
    assert "wajib diisi" in info.value.message


@pytest.mark.parametrize(("label", "said"), [
    ("Perusahaan air (PDAM)", "Pilih perusahaan air (PDAM) dari daftar."),  # the acronym kept
    ("BPJS program", "Pilih BPJS program dari daftar."),  # a label that starts with one, as it is
])
def test_a_choice_not_on_the_list_names_its_label_inside_the_sentence(label, said):
    field = InputField("provider", label, CHOICE, choices=(Choice("A", "Satu"),))
    with pytest.raises(UserInputError) as info:
        field.clean("B")
    assert info.value.message == said and info.value.template == "Pilih {label} dari daftar."


def test_bpjs_kesehatan_months_are_1_to_12_and_ketenagakerjaan_1_3_6_12():
    ks = CAT.get("bpjs_kesehatan").field("months")
    assert [c.value for c in ks.choices] == [str(n) for n in range(1, 13)]
    assert ks.clean("12") == "12"
    with pytest.raises(UserInputError):
        ks.clean("13")
    tk = CAT.get("bpjs_ketenagakerjaan").field("months")
    assert [c.value for c in tk.choices] == ["1", "3", "6", "12"]
    with pytest.raises(UserInputError):
        tk.clean("2")


def test_amount_fields_parse_rupiah_and_refuse_zero():
    charity = CAT.get("charity")
    assert charity.clean({"providerId": "ZAKAT_BAZNAS", "amount": "Rp 1.500.000"})["amount"] == "1500000"
    with pytest.raises(UserInputError) as info:
        charity.clean({"providerId": "ZAKAT_BAZNAS", "amount": "0"})
    assert info.value.field == "amount"
    with pytest.raises(UserInputError):
        charity.clean({"providerId": "ZAKAT_NOBODY", "amount": "5000"})


def test_text_fields_are_upper_cased_booking_codes():
    assert CAT.get("kai").clean({"billingId": "3xuqa7 "})["billingId"] == "3XUQA7"


def test_bni_life_amount_is_empty_for_closed_payments_and_typed_for_open_ones():
    life = CAT.get("bni_life")
    assert life.clean({"providerId": "BNILIFE_PREMI_LANJUTAN", "spajNumber": "1114568975"})["amount"] == ""
    with pytest.raises(UserInputError, match="kosongkan"):
        life.clean({"providerId": "BNILIFE_CETAK_ULANG_POLIS", "spajNumber": "1114568975", "amount": "5000"})
    with pytest.raises(UserInputError, match="wajib"):
        life.clean({"providerId": "BNILIFE_PREMI_PERTAMA", "spajNumber": "1114568975"})


def test_free_amount_is_asked_after_the_inquiry_not_before():
    cc = CAT.get("cc_bni")
    assert [f.name for f in cc.inquiry_fields] == ["cardNum"]
    assert cc.clean({"cardNum": "4665730000000117"}) == {"cardNum": "4665730000000117"}
    assert CAT.get("cc_other").single_step and CAT.get("cc_other").clean(
        {"bankCode": "BRI", "cardNum": "4365020922600613", "amount": "250000"})["amount"] == "250000"


# -- search ------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, first, members", [
    ("pln", "pln_postpaid", {"pln_postpaid", "pln_nontaglis"}),
    ("PLN", "pln_postpaid", {"pln_postpaid", "pln_nontaglis"}),
    ("listrik", "pln_postpaid", {"pln_postpaid", "pln_nontaglis"}),
    ("bpjs", "bpjs_kesehatan", {"bpjs_kesehatan", "bpjs_ketenagakerjaan"}),
    ("bpjs kes", "bpjs_kesehatan", {"bpjs_kesehatan"}),
    ("air", "pdam", {"pdam", "airline"}),
    ("indihome", "internet_telkom", {"internet_telkom"}),
    ("zakat", "charity", {"charity"}),
    ("kereta", "kai", {"kai"}),
    ("adira", "mf_adira", {"mf_adira"}),
    ("aetra", "pdam", {"pdam"}),
])
def test_search_finds_products_by_part_of_a_name_or_alias(typed, first, members):
    found = CAT.search(typed)
    assert found[0].id == first
    assert {p.id for p in found} == members


def test_search_of_nothing_lists_everything_and_nonsense_finds_nothing():
    assert len(CAT.search("  ")) == len(CAT)
    assert CAT.search("qwertyuiop") == []


def test_prudential_sub_products_form_one_family():
    assert [p.id for p in CAT.family("prudential")] == [
        "prudential_initial", "prudential_continuation", "prudential_topup", "prudential_reprint",
        "prudential_adjustment", "prudential_card",
    ]


# -- derived fields (section 29 notes, section 30) ---------------------------------------------

def test_pln_bl_th_joins_the_months_of_billStatus_bills():
    inquiry = {"billStatus": "2", "billPeriode1": "201705", "billPeriode2": "201706", "billPeriode3": "0"}
    assert pln_bl_th(inquiry) == "MEI17, JUN17"
    assert pln_bl_th({"billStatus": "1", "billPeriod1": "201612"}) == "DES16"  # the definition's spelling
    assert pln_bl_th({"billStatus": "3", "billPeriode1": "201701", "billPeriode2": "201702",
                      "billPeriode3": "201708"}) == "JAN17, PEB17, AGU17"


def test_pln_daya_and_its_dash_for_an_empty_category():
    assert pln_daya({"customGroup1": "R1", "customGroup2": "", "categoryUsed": "1300"}) == "R1/1300VA"
    assert pln_daya({"customGroup1": "B", "customGroup2": "2", "categoryUsed": ""}) == "B2/-VA"


def test_pln_stand_meter_uses_SAHLWBP_of_the_last_bill():
    inquiry = {"billStatus": "2", "SLALWBP1": "00000100", "SAHLWBP1": "00000150", "SAHLWBP2": "00000200"}
    assert pln_stand_meter(inquiry) == "00000100-00000200"
    assert pln_stand_meter({"billStatus": "1", "SLALWBP1": "00000100", "SAHLWBP1": "00000100"}) == "00000100-00000100"


def test_pln_nontaglis_tgl_reg_is_ddMMMyy_with_indonesian_months():
    assert pln_tgl_reg({"registrationDate": "20111208"}) == "08DES11"
    assert pln_tgl_reg({"registrationDate": "20170215"}) == "15PEB17"


def test_pln_postpaid_payment_carries_the_derived_fields_and_the_echoed_response():
    spec = CAT.get("pln_postpaid")
    inquiry = {"customerId": "5311112", "billStatus": "1", "billPeriode1": "201605", "customGroup1": "R1",
               "customGroup2": "", "categoryUsed": "1300", "SLALWBP1": "00000100", "SAHLWBP1": "00000100",
               "billAmount": "1200000", "adminFee": "3000", "adminFeeParam": "3000", "response": "<x/>"}
    data = spec.payment_data(inquiry, {"customerId": "53111"}, 1200000)
    assert data == {
        "clientId": "NEWIBANK", "systemId": "POSTPAID", "channelId": "NEWIBANK", "feeId": "00545300",
        "customerId": "5311112", "response": "<x/>", "adminFeeParam": "3000", "bl_th": "MEI16",
        "daya": "R1/1300VA", "stand_meter": "00000100-00000100", "amount": "1200000",
    }
    assert spec.amounts(inquiry, {"customerId": "53111"}) == (1200000, 3000, 1203000)


def test_prudential_payment_renames_the_inquiry_typos():
    spec = CAT.get("prudential_continuation")
    inquiry = {"amount": "145000", "billingId": "12100100", "customeName": "The Lich King", "customeGroup": "IDR",
               "standMeter": "10/06/12 s/d 10/07/12", "billIndicator1": "123456654321", "flag": "02"}
    data = spec.payment_data(inquiry, {"billingId": "12100100"}, 145000)
    assert data["customName"] == "The Lich King"
    assert data["customGroup"] == "IDR"
    assert data["standMeter1"] == "10/06/12 s/d 10/07/12"
    assert data["billIndicator1"] == data["billIndikator1"] == "123456654321"
    assert data["flag"] == "02" and data["paramsId"] == "2" and data["billStatCode"] == "1"


def test_echoed_numbers_are_sent_as_strings():
    spec = CAT.get("pdam")
    data = spec.payment_data({"kubikasi": 18000, "adminFee": 12500, "customerName": "SRIYANTO"},
                             {"provider": "AETRA", "customerNumber": "400"}, 371558)
    assert data["kubikasi"] == "18000" and data["adminFee"] == "12500" and data["namaPerusahaan"] == "AETRA"


# -- PDAM data file (Appendix 2.5.2 is missing) -------------------------------------------------

def test_pdam_list_is_a_data_file_an_operator_extends(tmp_path):
    extra = tmp_path / "pdam.json"
    extra.write_text(json.dumps({"providers": [{
        "provider_id": "PDAM_KOTA_X", "provider_name": "PDAM KOTA X", "admin_fee_flag": "1",
        "pdam_type": "AGGREGATOR", "biller_code": "131001", "label": "PDAM Kota X", "aliases": ["kotax"]}]}))
    providers = {p.provider_id: p for p in load_providers(extra)}
    assert set(providers) == {"AETRA", "PDAM_KOTA_X"}
    assert providers["PDAM_KOTA_X"].billing_id("123456") == "01123456"  # section 10's example
    assert providers["AETRA"].billing_id("400") == "400"
    catalogue = default_catalogue(extra)
    pdam = catalogue.get("pdam")
    assert [c.value for c in pdam.field("provider").choices] == ["AETRA", "PDAM_KOTA_X"]
    assert pdam.inquiry_data({"provider": "PDAM_KOTA_X", "customerNumber": "123456"}) == {
        "clientId": "IBOC", "providerId": "PDAM_KOTA_X", "adminFeeFlag": "1", "pdam_type": "AGGREGATOR",
        "billingId": "01123456"}
    assert catalogue.search("kotax")[0].id == "pdam"


def test_a_bad_pdam_row_is_refused_with_its_file_named(tmp_path):
    extra = tmp_path / "pdam.json"
    extra.write_text(json.dumps({"providers": [{"provider_id": "X", "provider_name": "X", "admin_fee_flag": "1",
                                                "pdam_type": "SOMETIMES", "biller_code": "1"}]}))
    with pytest.raises(ValueError, match="pdam.json"):
        load_providers(extra)


# -- the catalogue covers the document ---------------------------------------------------------

DOCUMENT_FITURS = {
    "FTR439", "FTR440", "FTR428", "FTR429", "FTR500", "FTR427", "FTR442", "FTR443", "FTR479", "FTR480",
    "FTR450", "FTR451", "FTR452", "FTR453", "FTR455", "FTR456", "FTR457", "FTR458", "FTR459", "FTR460",
    "FTR461", "FTR462", "FTR463", "FTR437", "FTR493", "FTR494", "FTR496", "FTR415", "FTR416", "FTR495",
    "FTR417", "FTR418", "FTR419", "FTR420", "FTR421", "FTR422", "FTR423", "FTR424", "FTR425", "FTR430",
    "FTR432", "FTR433", "FTR426", "FTR411", "FTR412", "FTR444", "FTR445", "FTR434", "FTR435", "FTR473",
    "FTR474", "FTR481", "FTR482", "FTR413",
}
INFERRED = {"FTR454", "FTR431", "FTR414"}  # INC-02
# INC-01: the document prints FTR463 for the ACC Finance and the BNI Life payment; the host
# tells them apart by providerId, so it is the one fiturId two specs share.
SHARED = {"FTR463": {"mf_acc", "bni_life"}}


def test_every_fiturId_of_the_document_is_in_exactly_one_spec():
    used = [f for p in CAT for f in (p.inquiry_fitur, p.payment_fitur) if f]
    twice = {f for f in used if used.count(f) > 1}
    assert twice == set(SHARED), "a fiturId is used twice"
    for fitur, ids in SHARED.items():
        assert {p.id for p in CAT if p.payment_fitur == fitur} == ids
        providers = [set(p.payment_constants.get("providerId", "").split()) |
                     {c.value for f in p.fields if f.wire == "providerId" for c in f.choices}
                     for p in CAT if p.payment_fitur == fitur]
        assert not set.intersection(*providers), "the host could not tell them apart by providerId"
    assert set(used) == DOCUMENT_FITURS | INFERRED


def test_every_spec_is_complete():
    for p in CAT:
        assert p.group in (TAGIHAN, PEMBELIAN)
        assert p.name and p.category and p.receipt, p.id
        if p.free_amount or p.single_step:
            assert p.amount_field and p.field(p.amount_field).kind == "amount", p.id
        for label, path in p.receipt:
            assert path.split(".")[0] in ("input", "inquiry", "request", "payment"), (p.id, label)
    assert {p.group for p in CAT} == {TAGIHAN, PEMBELIAN}
    assert CAT.get("bni_life").payment_fitur == "FTR463" and CAT.get("mf_acc").payment_fitur == "FTR463"


# -- reffNum and agent code --------------------------------------------------------------------

def test_agent_code_splits_into_mitra_cabang_loket():
    agent = AgentCode.parse("BNI014100294")
    assert (agent.kode_mitra, agent.kode_cabang, agent.kode_loket) == ("BNI", "014", "100294")
    assert AgentCode.parse("ABC9991234567").fields() == {"kode_mitra": "ABC", "kode_cabang": "999",
                                                         "kode_loket": "1234567"}


def test_reffNum_follows_the_documented_19_plus_1_plus_counter_rule():
    value = reff_num("1711061100190123", "100294")
    assert value == "20171106110019" + "01230" + "0" + "100294"
    assert len(value) == 26  # like the document's example 20170607110019123450100021
    assert reff_num("1711061100190124", "100294") != value
