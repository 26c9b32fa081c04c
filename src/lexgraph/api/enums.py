"""The closed sets of the graph as GraphQL enums, each value described by its Russian label.

A client gets a value it can switch on (`IN_PERSON`, not the string `in_person` it would have to
know from prose), and the label to show a reader from the schema itself (introspection gives each
value's description): the labels are one table, here, so an English switch would be one more
table, not a second code path. The Python value of each member is what the graph stores, so
reading a node property is `Enum(value)`; `tests/api/test_enums.py` checks each set against the
values the importers and the impact walk write.
"""

from __future__ import annotations

from enum import Enum

import strawberry


def stored(member: Enum) -> str:
    """The value the graph stores for an enum member (`strawberry.enum_value` hides its type
    from mypy)."""
    value: str = member.value
    return value


def label(member: Enum) -> str:
    """The Russian label of an enum value (its description in the schema)."""
    definition = member.__class__.__strawberry_definition__  # type: ignore[attr-defined]
    for value in definition.values:
        if value.name == member.name:
            return str(value.description)
    raise KeyError(member)  # pragma: no cover - every member is a value of its definition


@strawberry.enum(description="A way a document may be submitted (способ подачи).")
class SubmissionChannel(Enum):
    IN_PERSON = strawberry.enum_value("in_person", description="лично")
    POST = strawberry.enum_value("post", description="по почте")
    COURIER = strawberry.enum_value("courier", description="нарочным (курьером)")
    ELECTRONIC = strawberry.enum_value("electronic", description="в электронной форме")


@strawberry.enum(
    description="Where the way of submitting a document comes from in the regulation's table"
    " (графа «форма и порядок представления»)."
)
class SubmissionStated(Enum):
    IN_ITS_ROW = strawberry.enum_value("stated", description="указана в строке самого документа")
    FOR_SEVERAL_DOCUMENTS = strawberry.enum_value(
        "merged",
        description="указана один раз для нескольких документов (объединённая ячейка первой"
        " строки): документ подаётся тем же способом",
    )
    NOT_STATED = strawberry.enum_value(
        "empty",
        description="для документа не указана; он подаётся вместе с заявлением, способом,"
        " указанным в первой строке (прочтение, а не слова регламента)",
    )


@strawberry.enum(description="A way to appeal a decision (порядок обжалования).")
class AppealKind(Enum):
    ADMINISTRATIVE = strawberry.enum_value("administrative", description="административная жалоба")
    JUDICIAL = strawberry.enum_value("judicial", description="обжалование в судебном порядке")


@strawberry.enum(description="A form in which a complaint may be filed (форма подачи жалобы).")
class AppealForm(Enum):
    ELECTRONIC = strawberry.enum_value("electronic", description="электронная")
    WRITTEN = strawberry.enum_value("written", description="письменная")


@strawberry.enum(description="The kind of a legal act (вид нормативного правового акта).")
class ActKind(Enum):
    CONSTITUTION = strawberry.enum_value("constitution", description="Конституция")
    LAW = strawberry.enum_value("law", description="закон")
    CODE = strawberry.enum_value("code", description="кодекс")
    EDICT = strawberry.enum_value("edict", description="указ")
    DECREE = strawberry.enum_value("decree", description="декрет")
    DIRECTIVE = strawberry.enum_value("directive", description="директива")
    CM_RESOLUTION = strawberry.enum_value(
        "cm_resolution", description="постановление Совета Министров"
    )
    RESOLUTION = strawberry.enum_value(
        "resolution", description="постановление (министерства, госкомитета, иного органа)"
    )
    DECISION = strawberry.enum_value("decision", description="решение (исполкома, Совета)")
    ORDER = strawberry.enum_value("order", description="приказ")
    DISPOSAL = strawberry.enum_value("disposal", description="распоряжение")
    DECLARATION = strawberry.enum_value("declaration", description="декларация")
    TREATY = strawberry.enum_value("treaty", description="международный договор")


@strawberry.enum(description="Whether an act is in force, as its documents state (статус акта).")
class ActStatus(Enum):
    IN_FORCE = strawberry.enum_value("in_force", description="действует")
    REPEALED = strawberry.enum_value("repealed", description="утратил силу")
    UNKNOWN = strawberry.enum_value("unknown", description="неизвестно")


@strawberry.enum(
    description="Whom the authority requests information from (у кого запрашиваются сведения)."
)
class InformationSourceKind(Enum):
    AUTHORITY = strawberry.enum_value("authority", description="государственный орган, организация")
    REGISTRY = strawberry.enum_value(
        "registry", description="регистр, реестр, информационная система"
    )


@strawberry.enum(description="What a portal text (portal.gov.by) states.")
class PortalFactKind(Enum):
    ELECTRONIC_AVAILABILITY = strawberry.enum_value(
        "electronic_availability", description="процедура доступна в электронной форме"
    )
    STEP = strawberry.enum_value("step", description="шаг получения услуги")
    IDENTIFICATION_METHOD = strawberry.enum_value(
        "identification_method", description="способ входа на портал"
    )
    PAYMENT = strawberry.enum_value("payment", description="оплата")
    UNIQUE_IDENTIFIER = strawberry.enum_value(
        "unique_identifier", description="уникальный идентификатор"
    )
    ACT_FACT = strawberry.enum_value("act_fact", description="сведения об акте")
    PROCEDURE_LIST = strawberry.enum_value(
        "procedure_list", description="перечень административных процедур"
    )


@strawberry.enum(description="What an imported source document is (вид исходного документа).")
class SourceDocumentKind(Enum):
    MVD_REGULATIONS = strawberry.enum_value(
        "mvd_regulations",
        description="постановление, утверждающее регламенты административных процедур",
    )
    PORTAL_NEWS = strawberry.enum_value("portal_news", description="новость портала")
    PORTAL_GUIDE = strawberry.enum_value("portal_guide", description="инструкция портала")


@strawberry.enum(description="What an affected node is, for an impact report (вид затронутого).")
class ImpactKind(Enum):
    PROCEDURE = strawberry.enum_value("procedure", description="административная процедура")
    REGULATION = strawberry.enum_value("regulation", description="регламент")
    REQUIREMENT = strawberry.enum_value("requirement", description="представляемый документ")
    ISSUED_DOCUMENT = strawberry.enum_value("issued_document", description="выдаваемый документ")
    FEE = strawberry.enum_value("fee", description="плата, государственная пошлина")
    BENEFIT = strawberry.enum_value("benefit", description="льгота по размеру платы")
    ACT = strawberry.enum_value("act", description="нормативный правовой акт")
    PROVISION = strawberry.enum_value("provision", description="структурная единица акта")
    PORTAL_FACT = strawberry.enum_value("portal_fact", description="сведения портала")
    OTHER = strawberry.enum_value("other", description="иное")


@strawberry.enum(description="The unit of a validity period (единица срока действия).")
class ValidityUnit(Enum):
    MONTHS = strawberry.enum_value("months", description="месяцы")
    YEARS = strawberry.enum_value("years", description="годы")
    UNLIMITED = strawberry.enum_value("unlimited", description="бессрочно")


@strawberry.enum(description="What two sources disagree on (предмет расхождения).")
class ConflictKind(Enum):
    ELECTRONIC_AVAILABILITY = strawberry.enum_value(
        "electronic_availability",
        description="портал указывает, что процедура доступна в электронной форме, а регламент"
        " не допускает подачу документов в электронной форме",
    )
