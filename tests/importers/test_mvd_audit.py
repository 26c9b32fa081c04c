"""An independent reading of seed 004, table by table, held against what the parser rebuilds.

Every expected fact below was written from the source text
(`importers/corpus/004_85fdc72f4cf61fef.txt`, line numbers as in the file), not from the parser's
output: per regulation, the rows of the submitted-documents table (where each cell is, the form of
submission, apostille, alternatives, conditions, footnote markers), the requested information and
its sources, the issued document, other actions, the fee and its benefits (as the units they cite),
appeal bodies, the legal basis (as act ids) and the special features. A change to the table
reconstruction that alters any of these facts fails here.

How the flattened tables read (the ambiguities, and the reading taken):

* A table is its header cells, then its row cells, one paragraph each; an empty cell is a line
  holding a no-break space. In this file no table has two blank lines in a row, so an empty cell is
  never a blank line here, and a row with one cell fewer than the header has no cell of its own in
  that column: it lies under a cell merged down from above (always the form-and-manner column).
* A row with a single empty cell between its name and its apostille (10.7.1 row 3, 15.2.1 rows 3,
  4, 6, 7, 9, …) is read as an empty requirements cell under the merged form cell: the requirements
  column is never merged in these tables.
* 15.2.2 rows 4–10 and every row after the first in 15.21.1 and 15.21.2 have an empty
  form-and-manner cell of their own (the text has the empty line), unlike the merged rows of the
  other tables. The table states no form for them; they are read, like the merged rows, as going
  with the application the way it is submitted, and `Submission.cell` keeps `EMPTY` so the
  inference stays visible.
* After every table Word puts one more paragraph (a no-break-space line): it is not a cell. The last
  row of 15.21.1 (line 796) is followed by three such lines, its two empty cells and that one.
* 15.2.3's group headings are rows too. The first («при регистрации договора о трудоустройстве …:»,
  line 596) has «не требуется» in its apostille column (line 600): a heading is not a document, so
  no document takes that cell. The second (line 626) has empty cells.
* 15.4.1 / 15.4.2 row 3: «копия паспорта …, или справка о подтверждении личности … – для
  иностранных граждан и лиц без гражданства, не имеющих документов для выезда за границу» is two
  alternatives; the «– для …» clause limits the certificate only (a person without travel documents
  has no passport to copy), so it stays in that alternative and is not the document's condition.
  15.4.2 adds «(далее – паспорт)», a short name for the whole cell, which no alternative keeps.
* 15.2.3 row 6 joins two documents by a bare «или» («трудовой договор с иностранным нанимателем или
  гражданско-правовой договор с иностранным нанимателем»): two alternatives, whichever contract is
  being registered.
* The payment document's «(за исключением случаев уплаты … посредством … единого расчетного и
  информационного пространства)» is read as its own condition (it is needed unless …).
* In 15.2.1 / 15.21.1 the paragraph «При подаче заявления лично …;» comes after the «*» footnote;
  it ends in «;» like the items of subpoint 2.1 / 2.2, so it is a note of 2.1, not footnote text.
* «в электронной форме …» is written as an item under «в письменной форме:»; it is read as its own
  channel (`electronic`), the cell as a whole still stating the written form.
* 15.2.3's issued document names three contracts joined by «или»; the record keeps it as one name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from importers.base import SourceDocument, clean
from importers.mvd_regulations import parse_mvd_resolution
from importers.regulation_records import (
    Apostille,
    AppealForm,
    FormCell,
    MvdResolution,
    SourceKind,
    Subject,
    SubmissionChannel,
    ValidityUnit,
)
from importers.regulation_tables import or_alternatives, own_condition_of
from lexgraph.citations import parse_citations

SOURCE = SourceDocument.read(
    Path(__file__).resolve().parents[2] / "importers" / "corpus" / "004_85fdc72f4cf61fef.txt"
)
LINES = SOURCE.lines

NOT_REQUIRED, REQUIRED, NOT_STATED = (
    Apostille.NOT_REQUIRED,
    Apostille.REQUIRED,
    Apostille.NOT_STATED,
)
STATED, MERGED, EMPTY = FormCell.STATED, FormCell.MERGED, FormCell.EMPTY
IN_PERSON, POST, COURIER, ELECTRONIC = (
    SubmissionChannel.IN_PERSON,
    SubmissionChannel.POST,
    SubmissionChannel.COURIER,
    SubmissionChannel.ELECTRONIC,
)
REGISTRY, AUTHORITY = SourceKind.REGISTRY, SourceKind.AUTHORITY
BOTH_FORMS = (AppealForm.ELECTRONIC, AppealForm.WRITTEN)


def text_at(line: int) -> str:
    """The cell on `line` as a record holds it: spaces normalized, footnote markers dropped."""
    return re.sub(r"(?<=\S)\*+", "", clean(LINES[line - 1]))


def name_at(line: int) -> str:
    """A name cell as listed: also without the list punctuation that ends it («;», «:»)."""
    return text_at(line).rstrip(";").rstrip(":")


# The six documents proving the premises, listed in one cell under «… помещений:».
PREMISES_PROOFS = (
    "свидетельство (удостоверение) о государственной регистрации",
    "выписка из регистрационной книги",
    "договор аренды (субаренды)",
    "договор безвозмездного пользования (ссуды)",
    "договор купли-продажи",
    "акт приема-передачи",
)
ERIP = (
    "за исключением случаев уплаты государственной пошлины посредством использования "
    "автоматизированной информационной системы единого расчетного и информационного пространства"
)
ERIP_OR_LAW_CHANGE = f"{ERIP}, а также изменения лицензии в связи с изменением законодательства"
ERIP_PERMIT = (
    "за исключением оплаты посредством использования автоматизированной информационной системы "
    "единого расчетного и информационного пространства"
)
BRANCHES_CHANGED = (
    "при изменении лицензии в связи с изменением перечня обособленных подразделений, в том числе "
    "их наименования и (или) места нахождения, {}реорганизации лицензиата – юридического лица"
)
REORGANIZED = (
    "при обращении за изменением лицензии в связи с реорганизацией лицензиата – юридического лица"
)
PASSPORT_OR_CERTIFICATE = (
    "копия паспорта или иного документа, его заменяющего, предназначенного для выезда за границу",
    "справка о подтверждении личности иностранного гражданина или лица без гражданства – для "
    "иностранных граждан и лиц без гражданства, не имеющих документов для выезда за границу",
)
ABROAD = "при регистрации договора о трудоустройстве за пределами Республики Беларусь"
FOREIGN_EMPLOYER = (
    "при регистрации трудового или гражданско-правового договора с иностранным нанимателем"
)
MIGRATION_UNIT = (
    "подразделение по гражданству и миграции главного управления внутренних дел Минского "
    "городского исполнительного комитета, управлений внутренних дел областных исполнительных "
    "комитетов"
)
MVD = "Министерство внутренних дел"
PERMIT = "специальное разрешение на право занятия трудовой деятельностью в Республике Беларусь"
PERMIT_VALIDITY = (
    (
        "2 года – в отношении высококвалифицированных работников",
        2,
        ValidityUnit.YEARS,
        "в отношении высококвалифицированных работников",
    ),
    ("1 год – в отношении иных работников", 1, ValidityUnit.YEARS, "в отношении иных работников"),
)

LAW_433 = "by/law/2008-10-28/433-z"
LAW_225 = "by/law/2010-12-30/225-z"
LAW_213 = "by/law/2022-10-14/213-z"
EDICT_240 = "by/edict/2021-06-25/240"
CM_548 = "by/cm_resolution/2021-09-24/548"
CM_154 = "by/cm_resolution/2023-02-27/154"
MVD_303 = "by/resolution/mvd/2022-12-19/303"

DECREE_6 = ("by/decree/2012-05-07/6", ("point_1__subpoint_1.1__part_1__para_3",))
TAX_285_10_20_AND_14 = ("by/code/tax", ("art_285__point_10__subpoint_10.20", "art_285__point_14"))
TAX_285_10_29 = ("by/code/tax", ("art_285__point_10__subpoint_10.29",))
DECREE_10 = ("by/decree/2009-08-06/10", ("point_4__subpoint_4.1",))
EDICT_420 = ("by/edict/2014-08-30/420", ("point_1__subpoint_1.3__para_3",))
EDICT_166 = (
    "by/edict/2017-05-12/166",
    ("regulation_spetsialnom_pravovom_rezhime_kitaysko-belorusskogo__point_59__part_5",),
)


@dataclass(frozen=True)
class Row:
    """One document row: where its cells are and what they say."""

    line: int  # the name cell
    end: int  # the row's last non-empty cell
    requirement: int | None  # the requirements cell; None when it is empty
    apostille: Apostille
    cell: FormCell  # how the row gives its form-and-manner cell
    alternatives: tuple[str, ...] = ()
    condition: str | None = None  # the group heading above the row
    own: str | None = None  # the condition its name states
    notes: tuple[str, ...] = ()  # footnote markers in its name / requirement cells


@dataclass(frozen=True)
class Requested:
    line: int  # the name cell; the source cell is the next paragraph
    source_line: int
    kind: SourceKind
    condition: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Expected:
    authority: str
    basis: tuple[str, ...]  # act ids, in the order of 1.2
    features: tuple[tuple[str, int, int], ...]  # 1.3 / 1.3.x: number, first and last line
    subjects: tuple[Subject, ...]
    form_lines: tuple[int, int]  # the first row's form-and-manner cell
    channels: tuple[SubmissionChannel, ...]
    electronic: bool  # whether the form cell names the electronic way (with its footnote «*»)
    rows: tuple[Row, ...]
    conditions: tuple[tuple[str, int], ...]  # group headings and their lines
    notes: tuple[int, ...]  # lines of «При подаче заявления …»
    footnotes: tuple[tuple[str, int], ...]
    requested: tuple[Requested, ...]
    issued: tuple[
        tuple[str, tuple[tuple[str, int | None, ValidityUnit, str | None], ...], str], ...
    ]
    system: str  # where «Иные действия …» records the decision
    fee: Decimal | None
    benefits: tuple[tuple[str, tuple[str, ...]], ...]  # (act id, unit eIds) per benefit
    judicial: bool
    appeal_bodies: tuple[tuple[str, tuple[AppealForm, ...]], ...]
    application_form: tuple[str, int] | None = None  # title, number of fields


def features(first: int, count: int, *, with_list: int = 0) -> tuple[tuple[str, int, int], ...]:
    """Subpoints 1.3.1 … 1.3.`count`, one paragraph each from line `first`, every other line; the
    subpoint `with_list` (if any) goes on with two more paragraphs (a list after «:»)."""
    found, line = [], first
    for n in range(1, count + 1):
        last = line + (4 if n == with_list else 0)
        found.append((f"1.3.{n}", line, last))
        line = last + 2
    return tuple(found)


ENTITIES = (Subject.LEGAL_ENTITY, Subject.INDIVIDUAL_ENTREPRENEUR)

EXPECTED = {
    "10.7.1": Expected(
        authority=(
            "подразделение по гражданству и миграции органов внутренних дел по месту расположения "
            "организации, которой в соответствии с законодательными актами предоставлено право "
            "выдавать приглашение на обучение иностранных граждан и лиц без гражданства"
        ),
        basis=(
            LAW_433,
            EDICT_240,
            "by/cm_resolution/2010-07-15/1065",
            CM_548,
            "by/resolution/mvd+minobr/2021-02-26/57-26",
        ),
        features=(),
        subjects=(),
        form_lines=(104, 110),
        channels=(IN_PERSON, COURIER, POST),
        electronic=False,
        rows=(
            Row(100, 112, 102, NOT_REQUIRED, STATED),
            Row(114, 118, 116, NOT_REQUIRED, MERGED),
            Row(120, 124, None, REQUIRED, MERGED, own="при въезде членов семьи"),
        ),
        conditions=(),
        notes=(128,),
        footnotes=(),
        requested=(),
        issued=(
            (
                "приглашение на обучение с проставленной записью о его согласовании",
                (("3 месяца", 3, ValidityUnit.MONTHS, None),),
                "письменная",
            ),
        ),
        system="Гражданство и миграция",
        fee=None,
        benefits=(),
        judicial=False,
        appeal_bodies=((MIGRATION_UNIT, BOTH_FORMS),),
    ),
    "15.2.1": Expected(
        authority=MVD,
        basis=(LAW_433, LAW_225, LAW_213, EDICT_240, CM_548, CM_154, MVD_303),
        # 1.3.2 (lines 200–204) lists the assessment and the qualification exam after «проводит:».
        features=features(198, 7, with_list=2),
        subjects=ENTITIES,
        form_lines=(234, 240),
        channels=(IN_PERSON, POST, ELECTRONIC),
        electronic=True,
        rows=(
            Row(230, 242, 232, NOT_REQUIRED, STATED),
            Row(244, 248, 246, NOT_REQUIRED, MERGED, own=ERIP),
            Row(250, 254, None, NOT_REQUIRED, MERGED),
            Row(256, 272, None, NOT_REQUIRED, MERGED, alternatives=PREMISES_PROOFS),
            Row(274, 278, 276, NOT_REQUIRED, MERGED),
            Row(280, 284, None, NOT_REQUIRED, MERGED),
            Row(286, 290, None, NOT_REQUIRED, MERGED),
            Row(292, 296, 294, NOT_REQUIRED, MERGED),
            Row(298, 302, None, REQUIRED, MERGED),
        ),
        conditions=(),
        notes=(310,),
        footnotes=(("*", 308),),
        requested=(
            Requested(320, 322, REGISTRY),
            Requested(324, 326, REGISTRY),
            Requested(328, 330, REGISTRY),
            Requested(
                332,
                334,
                AUTHORITY,
                condition=(
                    "в случае, если заинтересованное лицо изъявит намерение направлять на работу "
                    "за пределы Республики Беларусь в период летних каникул граждан Республики "
                    "Беларусь, иностранных граждан или лиц без гражданства, постоянно проживающих "
                    "в Республике Беларусь, обучающихся в организациях системы образования "
                    "Республики Беларусь, по студенческим программам"
                ),
            ),
        ),
        issued=(),
        system="Единый реестр лицензий",
        fee=Decimal(10),
        benefits=(DECREE_6,),
        judicial=True,
        appeal_bodies=(),
    ),
    "15.2.2": Expected(
        authority=MVD,
        basis=(LAW_433, LAW_213, EDICT_240, CM_548, CM_154),
        features=features(376, 6),
        subjects=(),
        form_lines=(406, 412),
        channels=(IN_PERSON, POST, ELECTRONIC),
        electronic=True,
        rows=(
            Row(402, 414, 404, NOT_REQUIRED, STATED),
            Row(416, 420, 418, NOT_REQUIRED, MERGED, own=ERIP_OR_LAW_CHANGE),
            Row(422, 426, None, NOT_REQUIRED, MERGED, own=BRANCHES_CHANGED.format("либо ")),
            # From here on each row has an empty form cell of its own (two empty lines).
            Row(428, 434, None, NOT_REQUIRED, EMPTY, own=REORGANIZED),
            Row(436, 454, None, NOT_REQUIRED, EMPTY, PREMISES_PROOFS, notes=("**",)),
            Row(456, 462, 458, NOT_REQUIRED, EMPTY, notes=("**",)),
            Row(464, 470, None, NOT_REQUIRED, EMPTY, notes=("**",)),
            Row(472, 478, None, NOT_REQUIRED, EMPTY, notes=("**",)),
            Row(480, 486, 482, NOT_REQUIRED, EMPTY, notes=("**",)),
            Row(488, 494, None, REQUIRED, EMPTY, notes=("**",)),
        ),
        conditions=(),
        notes=(498,),
        footnotes=(("*", 524), ("**", 526)),
        requested=(
            Requested(508, 510, REGISTRY),
            Requested(512, 514, REGISTRY),
            Requested(516, 518, REGISTRY, notes=("**",)),
        ),
        issued=(),
        system="Единый реестр лицензий",
        fee=Decimal(5),
        benefits=(DECREE_6, TAX_285_10_20_AND_14),
        judicial=True,
        appeal_bodies=(),
    ),
    "15.2.3": Expected(
        authority=MIGRATION_UNIT,
        basis=(LAW_433, LAW_225, LAW_213, EDICT_240, CM_548, "by/cm_resolution/2022-12-08/853"),
        features=(),
        subjects=(),
        form_lines=(586, 592),
        channels=(IN_PERSON, POST, COURIER),
        electronic=False,
        rows=(
            Row(582, 594, 584, NOT_REQUIRED, STATED),
            Row(602, 606, 604, NOT_REQUIRED, MERGED, condition=ABROAD),
            Row(608, 612, 610, NOT_REQUIRED, MERGED, condition=ABROAD),
            Row(614, 618, 616, NOT_REQUIRED, MERGED, condition=ABROAD),
            Row(
                620,
                624,
                622,
                REQUIRED,
                MERGED,
                condition=ABROAD,
                own=(
                    "в случае заключения договоров о трудоустройстве в период осуществления "
                    "лицензируемого вида деятельности"
                ),
            ),
            Row(
                632,
                636,
                634,
                NOT_REQUIRED,
                MERGED,
                alternatives=(
                    "трудовой договор с иностранным нанимателем",
                    "гражданско-правовой договор с иностранным нанимателем",
                ),
                condition=FOREIGN_EMPLOYER,
            ),
        ),
        conditions=((ABROAD, 596), (FOREIGN_EMPLOYER, 626)),
        notes=(640,),
        footnotes=(),
        requested=(),
        issued=(
            (text_at(652), (("бессрочно", None, ValidityUnit.UNLIMITED, None),), "письменная"),
        ),
        system="Гражданство и миграция",
        fee=None,
        benefits=(),
        judicial=False,
        appeal_bodies=((MVD, BOTH_FORMS),),
    ),
    "15.21.1": Expected(
        authority=MVD,
        basis=(LAW_433, LAW_225, LAW_213, EDICT_240, CM_548, CM_154, MVD_303),
        features=features(710, 7),
        subjects=ENTITIES,
        form_lines=(740, 746),
        channels=(IN_PERSON, POST, ELECTRONIC),
        electronic=True,
        # Three columns, no apostille column: apostille is not stated for any document.
        rows=(
            Row(736, 746, 738, NOT_STATED, STATED),
            Row(748, 750, 750, NOT_STATED, EMPTY, own=ERIP),
            Row(754, 754, None, NOT_STATED, EMPTY),
            Row(760, 772, None, NOT_STATED, EMPTY, alternatives=PREMISES_PROOFS),
            Row(778, 780, 780, NOT_STATED, EMPTY),
            Row(784, 784, None, NOT_STATED, EMPTY),
            Row(790, 790, None, NOT_STATED, EMPTY),
            Row(796, 796, None, NOT_STATED, EMPTY),
        ),
        conditions=(),
        notes=(808,),
        footnotes=(("*", 806),),
        requested=(
            Requested(818, 820, REGISTRY),
            Requested(822, 824, REGISTRY),
            Requested(826, 828, REGISTRY),
        ),
        issued=(),
        system="Единый реестр лицензий",
        fee=Decimal(10),
        benefits=(DECREE_6,),
        judicial=True,
        appeal_bodies=(),
    ),
    "15.21.2": Expected(
        authority=MVD,
        basis=(LAW_433, LAW_213, EDICT_240, CM_548, CM_154),
        features=features(870, 6),
        subjects=(),
        form_lines=(898, 904),
        channels=(IN_PERSON, POST, ELECTRONIC),
        electronic=True,
        rows=(
            Row(894, 904, 896, NOT_STATED, STATED),
            Row(906, 908, 908, NOT_STATED, EMPTY, own=ERIP_OR_LAW_CHANGE),
            # Unlike 15.2.2 (line 422), no «либо» before «реорганизации».
            Row(912, 912, None, NOT_STATED, EMPTY, own=BRANCHES_CHANGED.format("")),
            Row(918, 918, None, NOT_STATED, EMPTY, own=REORGANIZED),
            Row(924, 936, None, NOT_STATED, EMPTY, PREMISES_PROOFS, notes=("**",)),
            Row(942, 944, 944, NOT_STATED, EMPTY, notes=("**",)),
            Row(948, 948, None, NOT_STATED, EMPTY, notes=("**",)),
            Row(954, 954, None, NOT_STATED, EMPTY, notes=("**",)),
            Row(960, 960, None, NOT_STATED, EMPTY, notes=("**",)),
        ),
        conditions=(),
        notes=(968,),
        footnotes=(("*", 994), ("**", 996)),
        requested=(
            Requested(978, 980, REGISTRY),
            Requested(982, 984, REGISTRY),
            Requested(986, 988, REGISTRY, notes=("**",)),
        ),
        issued=(),
        system="Единый реестр лицензий",
        fee=Decimal(5),
        benefits=(DECREE_6, TAX_285_10_20_AND_14),
        judicial=True,
        appeal_bodies=(),
    ),
    "15.4.1": Expected(
        authority=MIGRATION_UNIT,
        basis=(LAW_433, LAW_225, EDICT_240, CM_548, "by/resolution/mintrud/2016-06-28/30"),
        # 1.3 written inline: «1.3. иные имеющиеся особенности … – дополнительные основания …».
        features=(("1.3", 1038, 1038),),
        subjects=(),
        form_lines=(1056, 1062),
        channels=(IN_PERSON, POST, COURIER),
        electronic=False,
        rows=(
            Row(1052, 1062, 1054, NOT_STATED, STATED),
            Row(1064, 1066, 1066, NOT_STATED, MERGED, own=ERIP_PERMIT),
            Row(1068, 1068, None, NOT_STATED, MERGED, alternatives=PASSPORT_OR_CERTIFICATE),
        ),
        conditions=(),
        notes=(1074,),
        footnotes=(),
        requested=(
            Requested(
                1084,
                1086,
                AUTHORITY,
                condition=(
                    "за исключением случаев, указанных в части третьей статьи 28 Закона Республики "
                    "Беларусь «О внешней трудовой миграции»"
                ),
            ),
        ),
        issued=((PERMIT, PERMIT_VALIDITY, "письменная"),),
        system="Гражданство и миграция",
        fee=Decimal(5),
        benefits=(TAX_285_10_29, DECREE_10, EDICT_420, EDICT_166),
        judicial=False,
        appeal_bodies=((MVD, BOTH_FORMS),),
        application_form=(
            "ЗАЯВЛЕНИЕ о выдаче специального разрешения на право занятия трудовой деятельностью в "
            "Республике Беларусь",
            15,
        ),
    ),
    "15.4.2": Expected(
        authority=MIGRATION_UNIT,
        basis=(LAW_433, LAW_225, EDICT_240, CM_548),
        features=(("1.3", 1401, 1401),),
        subjects=(),
        form_lines=(1417, 1423),
        channels=(IN_PERSON, POST, COURIER),
        electronic=False,
        rows=(
            Row(1413, 1423, 1415, NOT_STATED, STATED),
            Row(1425, 1427, 1427, NOT_STATED, MERGED, own=ERIP_PERMIT),
            Row(1429, 1429, None, NOT_STATED, MERGED, alternatives=PASSPORT_OR_CERTIFICATE),
            Row(1433, 1433, None, NOT_STATED, MERGED),
        ),
        conditions=(),
        notes=(1439,),
        footnotes=(),
        requested=(),
        issued=((PERMIT, PERMIT_VALIDITY, "письменная"),),
        system="Гражданство и миграция",
        fee=Decimal(3),
        benefits=(DECREE_10, EDICT_420, EDICT_166),
        judicial=False,
        appeal_bodies=((MVD, BOTH_FORMS),),
        application_form=(
            "ЗАЯВЛЕНИЕ об однократном продлении срока действия специального разрешения на право "
            "занятия трудовой деятельностью в Республике Беларусь",
            11,
        ),
    ),
}

NUMBERS = list(EXPECTED)


@pytest.fixture(scope="module")
def resolution() -> MvdResolution:
    return parse_mvd_resolution(SOURCE)


def cited(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    return [
        (c.act_id, tuple(u.e_id for u in c.units))
        for c in parse_citations(text)
        if c.kind != "procedure"
    ]


def test_the_resolution_approves_exactly_these_eight(resolution: MvdResolution) -> None:
    assert [r.procedure_number for r in resolution.regulations] == NUMBERS


@pytest.mark.parametrize("number", NUMBERS)
def test_documents_row_by_row(resolution: MvdResolution, number: str) -> None:
    regulation, expected = resolution.regulation(number), EXPECTED[number]
    documents = regulation.documents
    assert [d.span.line_start for d in documents] == [row.line for row in expected.rows]
    for document, row in zip(documents, expected.rows, strict=True):
        where = f"{number}, row at line {row.line}"
        assert document.name == name_at(row.line), where
        assert document.span.line_end == row.end, where
        wanted = text_at(row.requirement) if row.requirement is not None else None
        assert document.requirements == wanted, where
        assert document.apostille is row.apostille, where
        assert document.submission.cell is row.cell, where
        assert document.submission.inherited is (row.cell is not STATED), where
        assert document.submission.channels == expected.channels, where
        assert document.alternatives == row.alternatives, where
        assert (document.condition, document.own_condition) == (row.condition, row.own), where
        assert [n.marker for n in document.notes] == list(row.notes), where
        assert [n.marker for n in document.submission.notes] == (
            ["*"] if expected.electronic else []
        ), where


@pytest.mark.parametrize("number", NUMBERS)
def test_the_form_of_submission_written_in_the_first_row(
    resolution: MvdResolution, number: str
) -> None:
    regulation, expected = resolution.regulation(number), EXPECTED[number]
    submission = regulation.documents[0].submission
    first, last = expected.form_lines
    assert (submission.span.line_start, submission.span.line_end) == expected.form_lines
    assert submission.lines == tuple(
        clean(line) for line in LINES[first - 1 : last] if line.strip()
    )
    assert submission.written
    assert (submission.electronic is not None) is expected.electronic


@pytest.mark.parametrize("number", NUMBERS)
def test_group_conditions_notes_and_footnotes(resolution: MvdResolution, number: str) -> None:
    regulation, expected = resolution.regulation(number), EXPECTED[number]
    assert [(c.text, c.span.line_start) for c in regulation.conditions] == list(expected.conditions)
    assert [n.span.line_start for n in regulation.notes] == list(expected.notes)
    for note in regulation.notes:
        assert note.text.startswith("При подаче заявления")
        assert note.reference == (
            "абзацах втором–седьмом части первой пункта 2 статьи 15 Закона Республики Беларусь "
            "«Об основах административных процедур»"
        )
    assert [(f.marker, f.span.line_start) for f in regulation.footnotes] == list(expected.footnotes)


@pytest.mark.parametrize("number", NUMBERS)
def test_requested_information_and_its_sources(resolution: MvdResolution, number: str) -> None:
    regulation, expected = resolution.regulation(number), EXPECTED[number]
    found = regulation.requested_information
    assert len(found) == len(expected.requested)
    for info, row in zip(found, expected.requested, strict=True):
        assert info.name == text_at(row.line)
        assert info.source == text_at(row.source_line)
        assert (info.span.line_start, info.span.line_end) == (row.line, row.source_line)
        assert info.source_kind is row.kind
        assert info.condition == row.condition
        assert [n.marker for n in info.notes] == list(row.notes)


@pytest.mark.parametrize("number", NUMBERS)
def test_result_other_actions_fee_and_appeal(resolution: MvdResolution, number: str) -> None:
    regulation, expected = resolution.regulation(number), EXPECTED[number]
    issued = [
        (d.name, tuple((v.text, v.amount, v.unit, v.condition) for v in d.validity), d.form)
        for d in regulation.issued_documents
    ]
    assert issued == list(expected.issued)
    assert [a.information_system for a in regulation.other_actions] == [expected.system]
    if expected.fee is None:
        assert regulation.fee is None
    else:
        assert regulation.fee is not None
        assert (regulation.fee.kind, regulation.fee.amount, regulation.fee.unit) == (
            "государственная пошлина",
            expected.fee,
            "базовая величина",
        )
    assert [cited(b.text) for b in regulation.fee_benefits] == [
        [benefit] for benefit in expected.benefits
    ]
    assert regulation.appeal.judicial is expected.judicial
    assert [(b.name, b.forms) for b in regulation.appeal.bodies] == list(expected.appeal_bodies)


@pytest.mark.parametrize("number", NUMBERS)
def test_authority_legal_basis_features_and_form(resolution: MvdResolution, number: str) -> None:
    regulation, expected = resolution.regulation(number), EXPECTED[number]
    assert regulation.competent_authority.name == expected.authority
    assert [cited(b.text) for b in regulation.legal_basis] == [
        [(act, ())] for act in expected.basis
    ]
    assert [(f.number, f.span.line_start, f.span.line_end) for f in regulation.features] == list(
        expected.features
    )
    for feature in regulation.features:
        first, last = feature.span.line_start, feature.span.line_end
        paragraphs = [clean(line) for line in LINES[first - 1 : last] if line.strip()]
        opening = re.sub(
            r"^1\.3(?:\.\d+)?\. (?:иные имеющиеся особенности .+? – )?", "", paragraphs[0]
        )
        assert feature.text == "\n".join([opening, *paragraphs[1:]]).rstrip(";.")
    assert regulation.subjects == expected.subjects
    form = regulation.application_form
    if expected.application_form is None:
        assert form is None
    else:
        assert form is not None
        assert (form.title, len(form.fields)) == expected.application_form


def test_a_list_in_the_name_cell_ends_at_the_next_empty_cell() -> None:
    # 15.2.1 line 256: «… помещений:» then six lines, then the empty requirements cell (270).
    assert name_at(256).endswith("вида деятельности")
    assert [name_at(line) for line in range(258, 270, 2)] == list(PREMISES_PROOFS)
    assert LINES[269] == "\xa0"


# The two readings a name cell gets, on the names of this file and on near misses


@pytest.mark.parametrize(
    ("name", "alternatives"),
    [
        (
            f"{PASSPORT_OR_CERTIFICATE[0]}, или {PASSPORT_OR_CERTIFICATE[1]} (далее – паспорт)",
            PASSPORT_OR_CERTIFICATE,
        ),
        (
            "трудовой договор с иностранным нанимателем или гражданско-правовой договор с "
            "иностранным нанимателем",
            (
                "трудовой договор с иностранным нанимателем",
                "гражданско-правовой договор с иностранным нанимателем",
            ),
        ),
        # «или» between adjectives, persons or a document and its copy joins no documents.
        (
            "проект трудового или гражданско-правового договора, подписанный нанимателем",
            (),
        ),
        ("приглашение иностранного гражданина или лица без гражданства", ()),
        ("при слиянии, присоединении иной документ или его копия, из которых следует", ()),
        # Inside parentheses it qualifies the name, it does not list alternatives.
        ("документы (копия договора или справка о нем) о статусе нанимателя", ()),
    ],
)
def test_alternatives_joined_by_or(name: str, alternatives: tuple[str, ...]) -> None:
    assert or_alternatives(name) == alternatives


@pytest.mark.parametrize(
    ("name", "condition", "rest"),
    [
        (
            "документы, подтверждающие статус членов семьи, – при въезде членов семьи",
            "при въезде членов семьи",
            "документы, подтверждающие статус членов семьи",
        ),
        (
            "копии документов (при изменении перечня (или) места нахождения)",
            "при изменении перечня (или) места нахождения",
            "копии документов",
        ),
        (f"документ об уплате, {ERIP_PERMIT}", ERIP_PERMIT, "документ об уплате"),
        (
            "информация о трудоустройстве в случае, если лицо изъявит намерение",
            "в случае, если лицо изъявит намерение",
            "информация о трудоустройстве",
        ),
        # A parenthesis that is not a condition, a dash that is not «при …»: no condition.
        ("копии дипломов (их дубликатов)", None, "копии дипломов (их дубликатов)"),
        (
            "копии дипломов соискателя – юридического лица",
            None,
            "копии дипломов соискателя – юридического лица",
        ),
    ],
)
def test_the_condition_a_name_states(name: str, condition: str | None, rest: str) -> None:
    assert own_condition_of(name) == (condition, rest)
