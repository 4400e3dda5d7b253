"""The extraction scorer on small hand-made documents whose precision and recall are known."""

from __future__ import annotations

import pytest

from kehoach.evaluation.extract import aggregate, format_misses, format_report, normalize, score_document

GOLD = {
    "document": {
        "doc_type": "Kế hoạch",
        "issuer": "Trường Mầm non Hoa Lư",
        "signer": None,
        "note": "ignored",
    },
    "citations": [
        {"number": "04/KH-UBND", "issued_on": "2024-01-04", "issuer": "Ủy ban nhân dân Quận 1"},
        {"number": "196/KH-UBND", "issued_on": "2024-05-14", "issuer": "Ủy ban nhân dân Quận 1"},
        {"doc_type": "Luật", "number": None, "title": "Luật Tiếp cận thông tin", "year": 2016},
    ],
    "deadlines": ["2024-11-10"],
    "indicators": ["PAPI"],
    "dimensions": ["PAPI-6"],
    "people": [{"name": "Trần Thị Trang", "honorific": "Bà", "title": "Hiệu trưởng"}],
    "obligations": [
        {
            "key": "Thực hiện báo cáo trước ngày 10 tháng 11 năm 2024",
            "deadline": "2024-11-10",
            "frequency": None,
            "recipient": "Ủy ban nhân dân Quận 1",
            "via": "Phòng Nội vụ",
        },
        {"key": "Hàng năm tham gia chương trình giao lưu", "deadline": None, "frequency": "annual"},
        {"key": "an item nobody found", "frequency": "quarterly"},
    ],
}

PREDICTED = {
    "document": {"doc_type": "Kế hoạch", "issuer": "Trường Mầm Non Hoa Lư", "signer": "Lê Văn X"},
    "citations": [
        {"number": "04/KH-UBND", "issued_on": "2024-01-04", "issuer": "UBND Quận 1"},
        {"number": "04/KH-UBND", "issued_on": None, "issuer": None},  # a repeat counts once
        {"number": "99/QĐ-UBND", "issued_on": None, "issuer": None},
        {"doc_type": "Luật", "number": None, "title": "Luật tiếp cận thông tin", "year": 2016},
    ],
    "dates": [
        {"date": "2024-11-10", "role": "deadline"},
        {"date": "2024-05-14", "role": "cited"},
        {"date": "2024-12-01", "role": "deadline"},
    ],
    "indicators": [{"code": "PAPI", "mentions": 3}, {"code": "SIPAS", "mentions": 1}],
    "dimensions": [],
    "people": [
        {"name": "Trần Thị Trang", "honorific": "Bà", "title": "Hiệu trưởng", "role": "assignee"},
        {"name": "Nguyễn Văn B", "honorific": None, "title": None, "role": "mentioned"},
    ],
    "obligations": [
        {
            "action": "Thực hiện báo cáo trước ngày 10 tháng 11 năm 2024, gửi đến Ủy ban nhân dân Quận 1",
            "text": "...",
            "deadline": "2024-11-10",
            "frequency": None,
            "recipient": "Ủy ban nhân dân Quận 1",
            "via": None,
        },
        {
            "action": "Tham gia giao lưu.",
            "text": "Hàng năm tham gia chương trình giao lưu, trao đổi. Tham gia giao lưu.",
            "deadline": None,
            "frequency": None,
            "recipient": None,
            "via": None,
        },
        {
            "action": "Hàng năm tham gia chương trình giao lưu, trao đổi.",
            "text": "Hàng năm tham gia chương trình giao lưu, trao đổi. Tham gia giao lưu.",
            "deadline": None,
            "frequency": "annual",
            "recipient": None,
            "via": None,
        },
        {
            "action": "Báo cáo tháng.",
            "text": "Báo cáo tháng.",
            "deadline": None,
            "frequency": "monthly",
            "recipient": None,
            "via": None,
        },
    ],
}


def test_score_document_field_counts() -> None:
    fields = score_document(PREDICTED, GOLD)["fields"]
    assert fields["citations"] == {"tp": 2, "fp": 1, "fn": 1}
    assert fields["deadlines"] == {"tp": 1, "fp": 1, "fn": 0}
    assert fields["indicators"] == {"tp": 1, "fp": 1, "fn": 0}
    assert fields["dimensions"] == {"tp": 0, "fp": 0, "fn": 1}
    assert fields["people"] == {"tp": 1, "fp": 1, "fn": 0}
    # 2 of 3 gold keys found; of the 3 predicted obligations carrying an attribute, 1 matches nothing
    assert fields["obligations"] == {"tp": 2, "fp": 1, "fn": 1}


def test_score_document_attributes_normalise_abbreviations_and_case() -> None:
    attributes = score_document(PREDICTED, GOLD)["attributes"]
    assert attributes["citation.issuer"] == {"correct": 1, "total": 1}
    assert attributes["citation.issued_on"] == {"correct": 1, "total": 1}
    assert attributes["obligation.deadline"] == {"correct": 2, "total": 2}
    assert attributes["obligation.frequency"] == {"correct": 2, "total": 2}  # the sentence match is preferred
    assert attributes["obligation.via"] == {"correct": 0, "total": 1}
    assert attributes["document.issuer"] == {"correct": 1, "total": 1}
    assert attributes["document.signer"] == {"correct": 0, "total": 1}
    assert "document.note" not in attributes


def test_aggregate_micro_averages_and_reports() -> None:
    perfect = score_document(
        {"indicators": [{"code": "PAPI"}], "dates": [], "citations": [], "people": [], "obligations": []},
        {"indicators": ["PAPI"]},
    )
    result = aggregate([score_document(PREDICTED, GOLD), perfect])
    assert result["documents"] == 2
    indicators = result["fields"]["indicators"]
    assert (indicators["tp"], indicators["fp"], indicators["fn"]) == (2, 1, 0)
    assert indicators["precision"] == pytest.approx(2 / 3)
    assert indicators["recall"] == 1.0
    assert indicators["f1"] == pytest.approx(0.8)
    assert result["fields"]["dimensions"]["precision"] is None  # nothing predicted
    report = format_report(result)
    assert "indicators" in report and "0.667" in report and "obligation.via" in report


def test_score_document_lists_each_miss() -> None:
    misses = score_document(PREDICTED, GOLD)["misses"]
    assert "citations: missed 196/KH-UBND" in misses
    assert "citations: extra 99/QĐ-UBND" in misses
    assert not any("04/KH-UBND" in m for m in misses)  # found, and its repeat is no extra
    assert "deadlines: extra 2024-12-01" in misses
    assert "indicators: extra SIPAS" in misses
    assert "dimensions: missed PAPI-6" in misses
    assert "people: extra Nguyễn Văn B" in misses
    assert "obligations: missed 'an item nobody found'" in misses
    assert "obligations: extra 'Báo cáo tháng.'" in misses
    assert any(
        m.startswith("obligation.via 'Thực hiện báo cáo") and m.endswith("gold 'Phòng Nội vụ'")
        for m in misses
    )
    assert "document.signer : got 'Lê Văn X', gold None" in misses
    assert len(misses) == 10


def test_format_misses_names_each_document() -> None:
    score = score_document(PREDICTED, GOLD)
    score["document"] = "plan-a"
    listing = format_misses([score, {"document": "plan-b", "misses": []}])
    assert "== plan-a" in listing and "plan-b" not in listing
    assert "  citations: missed 196/KH-UBND" in listing


def test_obligation_keys_take_their_own_sentence_before_a_neighbours_item_text() -> None:
    """A key found only in a neighbour's item text must not take the obligation a later key names itself.

    Greedy matching in gold order paired the first key ("đề xuất phương án", in no obligation's own
    sentence) with the obligation of the next sentence through its item text; the second key, that
    obligation's own sentence, then fell to a wrong one (heldout19, Bộ Công Thương article).
    """
    item = "Đề xuất phương án báo cáo Ban chỉ đạo. Hoàn thành báo cáo trước ngày 4/2/2017."
    predicted = {
        "obligations": [
            {"action": "Hoàn thành báo cáo trước ngày 4/2/2017.", "text": item, "deadline": "2017-02-04"},
            {"action": "Lập báo cáo trước ngày 10/2/2017.", "text": item, "deadline": "2017-02-10"},
        ]
    }
    gold = {
        "obligations": [
            {"key": "Đề xuất phương án báo cáo Ban chỉ đạo", "deadline": None},
            {"key": "Hoàn thành báo cáo trước ngày 4/2/2017", "deadline": "2017-02-04"},
        ]
    }
    score = score_document(predicted, gold)
    assert score["fields"]["obligations"] == {"tp": 2, "fp": 0, "fn": 0}
    assert score["attributes"]["obligation.deadline"] == {"correct": 1, "total": 2}


def test_names_compare_with_an_ampersand_as_va_and_abbreviations_expanded() -> None:
    # heldout119's gold writes "Bộ Giáo dục & Đào tạo"; the extractor stores the ministry's name with "và"
    assert normalize("Bộ Giáo dục & Đào tạo") == normalize("Bộ Giáo dục và Đào tạo") == normalize("Bộ GD&ĐT")
    assert normalize("Sở  Tài chính") == normalize("sở tài chính")
    assert normalize("Công ty A&B") != normalize("Công ty A và B")  # an ampersand inside a name stays


def test_a_number_written_with_an_en_dash_is_the_same_symbol() -> None:
    # heldout120's gold keeps "1844/2015/QĐ–NHNN" as written; the extractor stores the hyphen
    gold = {"citations": [{"number": "1844/2015/QĐ–NHNN", "doc_type": "Quyết định"}]}
    predicted = {"citations": [{"number": "1844/2015/QĐ-NHNN", "doc_type": "Quyết định"}]}
    assert score_document(predicted, gold)["fields"]["citations"] == {"tp": 1, "fp": 0, "fn": 0}
