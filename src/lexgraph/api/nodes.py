"""GraphQL types for the graph's nodes (schema/model.md), built from the maps the reads return.

Every node type implements Relay's `Node` (global `id`, refetched by `Query.node`) and carries
`graphId`, the model's own stable id. Scalar fields come from the node's properties; relationship
fields go through the request's loaders: one batched round trip per relationship however many
parents ask, or none when the root field prefetched it (`prefetch.py`).

Law in time: every object is read as of a date (`asOf` of the root field that reached it, today
by default), and so is everything below it: the relationship fields follow only the edges and
nodes that hold on that date (`lexgraph.graph.reads.relations`). A fact a later text of its
document superseded is stored under `{stable id}@{12 hex}` with `currentId` (schema/model.md):
such an object's `id` is the global id of what is stored (one edition of the fact: a client's
normalized cache never mixes two editions, and `node(id:)` refetches that one), while `graphId`
is the stable id, the same for every edition, the one users cite and link to.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Self, TypeVar

import strawberry
from neo4j.time import Date, DateTime
from strawberry import relay
from strawberry.types.base import StrawberryList, StrawberryOptional
from strawberry.types.enum import StrawberryEnumDefinition

from lexgraph import full_label as labels
from lexgraph.api import paging
from lexgraph.api.context import Info
from lexgraph.api.effects import (
    EFFECTS_DESCRIPTION,
    AfterArgument,
    AppliedArgument,
    DirectionArgument,
    EffectConnection,
    EffectDirection,
    FirstArgument,
    FromArgument,
    ToArgument,
    effects_page,
)
from lexgraph.api.enums import (
    ActKind,
    ActStatus,
    AppealForm,
    AppealKind,
    InformationSourceKind,
    PortalFactKind,
    SourceDocumentKind,
    SubmissionChannel,
    SubmissionStated,
)
from lexgraph.api.periods import ValidityPeriod
from lexgraph.graph.reads import relations
from lexgraph.graph.validity import ActValidity

if TYPE_CHECKING:
    from lexgraph.api.history import Edition

Row = Mapping[str, Any]

# ---------------------------------------------------------------------------------------------
# Building types from maps


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


_PLAIN = frozenset({str, int, float, bool})


def _plain(value: Any) -> Any:
    if isinstance(value, Date | DateTime):
        return value.iso_format()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _fit(value: Any, *, wants_list: bool) -> Any:
    """A list where the schema has one, text where it has text: the graph's properties are
    schemaless, and a list of lines or a single line both read naturally as either."""
    if value is None:
        return None
    if wants_list and not isinstance(value, list):
        return [value]
    if not wants_list and isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return value


@strawberry.type(description="Where a statement comes from: the lines of a source document.")
class Provenance:
    document_id: str = strawberry.field(
        description="Id of the source document (`SourceDocument.graphId`)."
    )
    line_start: int | None = strawberry.field(description="First line, 1-based.")
    line_end: int | None = strawberry.field(description="Last line, 1-based, inclusive.")
    text: str | None = strawberry.field(description="The lines, verbatim (Russian).")

    as_of: strawberry.Private[datetime.date]

    @strawberry.field(description="The source document itself.")
    async def document(self, info: Info) -> SourceDocument | None:
        return await load_node(info, SourceDocument, self.document_id, self.as_of)

    @classmethod
    def of(cls, row: Row | None, as_of: datetime.date) -> Provenance | None:
        if not row or not row.get("sourceDocument"):
            return None
        return cls(
            as_of=as_of,
            document_id=row["sourceDocument"],
            line_start=row.get("lineStart"),
            line_end=row.get("lineEnd"),
            text=row.get("sourceText"),
        )


@strawberry.type
class GraphObject:
    """What every node type shares (not itself a GraphQL type: strawberry copies the fields).

    What a map gives directly is a plain attribute, filled by `from_map`, not a method: Strawberry
    reads an attribute straight, while a method field goes through its resolver machinery (about
    25 µs a read; a procedure page reads several hundred)."""

    raw: strawberry.Private[Row]
    as_of: strawberry.Private[datetime.date]
    """The date it was read as of: what its relationship fields answer for."""

    graph_id: str = strawberry.field(
        description="The node's stable, human-readable id in the graph, e.g. `procedure/15.4.1`,"
        " `by/code/tax#art_287__point_6__part_1` (schema/model.md): the same for every edition"
        " of a fact a later text changed, while `id` names the edition read."
    )
    provenance: Provenance | None = strawberry.field(
        default=None, description="The lines of the source document that state it, if one does."
    )

    @classmethod
    def from_map(cls, row: Row, as_of: datetime.date) -> Self:
        """The object for a node map, read as of `as_of`."""
        values: dict[str, Any] = {
            "id": row["id"],
            "raw": row,
            "as_of": as_of,
            "graph_id": str(row.get("currentId") or row["id"]),
            "provenance": Provenance.of(row, as_of),
        }
        for name, key, wants_list, convert in _from_map_plan(cls):
            value = row.get(key)
            if value is None:
                continue
            if convert is not None:
                fitted = _fit(_plain(value), wants_list=wants_list)
                values[name] = [convert(v) for v in fitted] if wants_list else convert(fitted)
            elif type(value) in _PLAIN and not wants_list:
                values[name] = value  # the common case, without the calls
            else:
                values[name] = _fit(_plain(value), wants_list=wants_list)
        return cls(**values)


Convert = Callable[[Any], Any]
_plans: dict[type, tuple[tuple[str, str, bool, Convert | None], ...]] = {}
# Fields `from_map` fills itself, not from the property of the same name.
_SET_APART = frozenset({"id", "raw", "as_of", "graph_id", "provenance", "valid_from", "valid_to"})


def _from_map_plan(cls: type) -> tuple[tuple[str, str, bool, Convert | None], ...]:
    """For each field a map fills: its name, the property it reads, whether it is a list, and
    what turns a stored value into the field's (an enum's member, a validity period), if
    anything. Made once per type: a Strawberry field's `type` is resolved anew on every read,
    and a page builds dozens of objects (in the profile of the procedure page, 15% of the
    function calls)."""
    plan = _plans.get(cls)
    if plan is None:
        plan = _plans[cls] = tuple(
            (f.name, _camel(f.name), isinstance(f.type, StrawberryList), _converter(f.type))
            for f in dataclasses.fields(cls)
            if f.init and f.name not in _SET_APART
        )
    return plan


def _converter(field_type: Any) -> Convert | None:
    """What reads a stored value as a field of `field_type` wants it: an enum by its value (a
    value outside the set raises: a fault of the graph, never shown as another value), a
    validity period from its stored form; None for plain values."""
    inner = field_type
    while isinstance(inner, StrawberryList | StrawberryOptional):
        inner = inner.of_type
    if isinstance(inner, StrawberryEnumDefinition):
        enum: Convert = inner.wrapped_cls
        return enum
    if inner is ValidityPeriod:
        return ValidityPeriod.parse
    return None


def _day(value: Any) -> datetime.date | None:
    if isinstance(value, Date):
        return value.to_native()
    return value if isinstance(value, datetime.date) else None


@strawberry.type
class Stated(GraphObject):
    """A node one document states (it carries its provenance and, once a later text of the
    document changed it, the interval it held in)."""

    valid_from: datetime.date | None = strawberry.field(
        default=None,
        description="The day the text stating it took effect, when a later edition introduced"
        " it; null: it holds since the act stating it did.",
    )
    valid_to: datetime.date | None = strawberry.field(
        default=None,
        description="The day a later edition stopped stating it (it held until the day before);"
        " null: still stated.",
    )

    @classmethod
    def from_map(cls, row: Row, as_of: datetime.date) -> Self:
        made = super().from_map(row, as_of)
        made.valid_from = _day(row.get("validFrom"))
        made.valid_to = _day(row.get("validTo"))
        return made


@strawberry.type
class Shared(GraphObject):
    """A node many documents mention (acts, provisions, authorities, registries)."""

    @strawberry.field(description="Ids of the source documents that mention it, in id order.")
    async def sources(self, info: Info) -> list[str]:
        items = await related(info, SOURCES_RELATIONS[type(self).__name__], self)
        return [item["node"]["id"] for item in items]


# The relation to the documents that mention each kind of shared node.
SOURCES_RELATIONS = {
    "LegalAct": "ACT_SOURCES",
    "Provision": "PROVISION_SOURCES",
    "Authority": "AUTHORITY_SOURCES",
    "Procedure": "PROCEDURE_SOURCES",
    "Registry": "REGISTRY_SOURCES",
}


def build(row: Row, as_of: datetime.date) -> GraphObject:
    """The GraphQL object for a node map (with `_label`) of any label the API knows."""
    return NODE_TYPES[row["_label"]].from_map(row, as_of)


def build_known(rows: list[Row], as_of: datetime.date) -> list[Any]:
    """The objects for those rows whose label the API knows (bookkeeping nodes are left out)."""
    return [build(row, as_of) for row in rows if row["_label"] in NODE_TYPES]


T = TypeVar("T", bound=GraphObject)


def _only(cls: type[T], rows: list[Row], as_of: datetime.date) -> list[T]:
    return [node for node in build_known(rows, as_of) if isinstance(node, cls)]


async def related(info: Info, relation: str, parent: GraphObject) -> list[Row]:
    """The items of one relation of `parent` as of the date it was read as of, batched with
    every other node asking the same."""
    statement = relations.RELATIONS[relation].statement
    loader = info.context.batched(relation, statement, "items", as_of=parent.as_of)
    items: list[Row] = await loader.load(str(parent.raw["id"]))
    return items


async def related_nodes(info: Info, cls: type[T], relation: str, parent: GraphObject) -> list[T]:
    rows = [item["node"] for item in await related(info, relation, parent)]
    return _only(cls, rows, parent.as_of)


async def load_node(info: Info, cls: type[T], key: str, as_of: datetime.date) -> T | None:
    """The node of `cls` stored under `key`, to be read as of `as_of`."""
    from lexgraph.graph.reads.nodes import NODES_BY_ID

    name = cls.__name__
    loader = info.context.batched(f"NODES_BY_ID[{name}]", NODES_BY_ID[name], "node")
    row: Row | None = await loader.load(key)
    return cls.from_map(row, as_of) if row else None


# ---------------------------------------------------------------------------------------------
# Enumerations


@strawberry.enum(description="Whether a document must be legalized (легализация, апостиль).")
class Apostille(Enum):
    REQUIRED = strawberry.enum_value(
        "required", description="Required (требуется легализация, проставление апостиля)."
    )
    NOT_REQUIRED = strawberry.enum_value("not_required", description="Not required (не требуется).")
    NOT_STATED = strawberry.enum_value("not_stated", description="The regulation does not say.")


@strawberry.enum(description="Who may apply for a procedure (субъект хозяйствования).")
class Subject(Enum):
    LEGAL_ENTITY = strawberry.enum_value(
        "legal_entity", description="Legal entity (юридическое лицо)."
    )
    INDIVIDUAL_ENTREPRENEUR = strawberry.enum_value(
        "individual_entrepreneur",
        description="Individual entrepreneur (индивидуальный предприниматель).",
    )
    FOREIGN_ORGANIZATION = strawberry.enum_value(
        "foreign_organization", description="Foreign organization (иностранная организация)."
    )


# ---------------------------------------------------------------------------------------------
# Citations


@strawberry.type(
    description="A citation (ссылка): a node whose text refers to an act or a unit of an act,"
    " with the reference as written and where it stands."
)
class Citation:
    """What the edge holds are plain attributes (`of`); the nodes at its ends are built only when
    asked for."""

    raw: strawberry.Private[Row]
    as_of: strawberry.Private[datetime.date]
    text: str | None = strawberry.field(
        default=None,
        description="The reference as written (Russian), e.g. «частях первой–третьей"
        " пункта 6 статьи 287 Налогового кодекса Республики Беларусь».",
    )
    field: str | None = strawberry.field(
        default=None, description="Which property of the citing node holds the reference."
    )
    char_start: int | None = strawberry.field(
        default=None, description="Start of the reference in that property's text (characters)."
    )
    char_end: int | None = strawberry.field(
        default=None, description="End of the reference in that property's text (exclusive)."
    )
    provenance: Provenance | None = strawberry.field(
        default=None, description="The lines of the source document stating the citation."
    )

    @classmethod
    def of(cls, item: Row, as_of: datetime.date) -> Citation:
        """The citation of a relation item (`{citing, cited, edge, procedure}`) read as of
        `as_of`."""
        edge = item["edge"]
        return cls(
            raw=item,
            as_of=as_of,
            text=edge.get("text"),
            field=edge.get("field"),
            char_start=edge.get("charStart"),
            char_end=edge.get("charEnd"),
            provenance=Provenance.of(edge, as_of),
        )

    @strawberry.field(
        description="The node whose text cites: a document requirement, a benefit, a feature"
        " provision, requested information or a regulation."
    )
    def citing(self) -> relay.Node:
        return build(self.raw["citing"], self.as_of)  # type: ignore[return-value]

    @strawberry.field(description="The act or the unit of an act cited, exactly as cited.")
    def cited(self) -> ActOrProvision:
        return build(self.raw["cited"], self.as_of)  # type: ignore[return-value]

    @strawberry.field(
        description="The procedure the citing node belongs to, if any: procedure → regulation →"
        " citing node → cited unit is the explanation of why the procedure depends on the unit."
    )
    def procedure(self) -> Procedure | None:
        row = self.raw.get("procedure")
        return Procedure.from_map(row, self.as_of) if row else None


async def citations(
    info: Info, relation: str, parent: GraphObject, first: int | None = None
) -> list[Citation]:
    items = await related(info, relation, parent)
    return [Citation.of(item, parent.as_of) for item in items[:first]]


CITATIONS_CURSOR = "citations"


@strawberry.type(description="One citation of a page, with the cursor to continue after it.")
class CitationEdge:
    cursor: str = strawberry.field(description="Pass as `after` to get what follows.")
    node: Citation = strawberry.field(description="The citation.")


@strawberry.type(
    description="A page of the citations of an act or a unit, in the order of their source"
    " documents' lines."
)
class CitationConnection:
    edges: list[CitationEdge] = strawberry.field(description="The citations of this page.")
    page_info: relay.PageInfo = strawberry.field(description="Where this page is.")
    label: strawberry.Private[str]
    key: strawberry.Private[str]
    as_of: strawberry.Private[datetime.date]

    @strawberry.field(description="The citations of this page, without cursors.")
    def nodes(self) -> list[Citation]:
        return [edge.node for edge in self.edges]

    @strawberry.field(description="How many citations there are, on all pages (counted apart).")
    async def total_count(self, info: Info) -> int:
        statement = relations.CITED_BY_COUNTS[self.label]
        name = f"CITED_BY_COUNT[{self.label}]"
        loader = info.context.batched(name, statement, "node", as_of=self.as_of)
        count: int = await loader.load(self.key)
        return count


async def cited_by(
    info: Info,
    label: str,
    relation: str,
    parent: GraphObject,
    first: int,
    after: str | None,
    as_of: datetime.date | None,
) -> CitationConnection:
    """A page of what cites `parent` as of `as_of` (the date `parent` was read as of, if None):
    from the first `CITATIONS_PREFETCHED` (which a prefetch may have loaded already) when the
    page lies among them, else one page read for it; one more than the page tells whether
    another follows."""
    paging.check_first(first, paging.largest_page(info))
    offset = paging.decode_cursor(CITATIONS_CURSOR, after) + 1 if after is not None else 0
    when = parent.as_of if as_of is None else as_of
    key = str(parent.raw["id"])
    head = relations.CITATIONS_PREFETCHED
    items: list[Row]
    if offset + first < head:
        statement = relations.RELATIONS[relation].statement
        loader = info.context.batched(relation, statement, "items", as_of=when)
        items = (await loader.load(key))[offset : offset + first + 1]
    else:
        name = f"{relation}_PAGE[{offset}|{first}]"
        statement = relations.RELATIONS[relation + "_PAGE"].statement
        parameters = {"offset": offset, "limit": first + 1}
        loader = info.context.batched(name, statement, "items", parameters, as_of=when)
        items = await loader.load(key)
    edges = [
        CitationEdge(
            cursor=paging.encode_cursor(CITATIONS_CURSOR, offset + i),
            node=Citation.of(item, when),
        )
        for i, item in enumerate(items[:first])
    ]
    return CitationConnection(
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=len(items) > first,
            has_previous_page=offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        label=label,
        key=key,
        as_of=when,
    )


# ---------------------------------------------------------------------------------------------
# Acts and their units

AsOfBelow = Annotated[
    datetime.date | None,
    strawberry.argument(
        description="Answer as of this date (на дату): only citations whose statements hold on"
        " it. The date the act or unit was read as of (its root field's `asOf`) if omitted."
    ),
]


@strawberry.type(description="A source document imported into the graph (исходный документ).")
class SourceDocument(GraphObject, relay.Node):
    id: relay.NodeID[str]
    name: str | None = strawberry.field(default=None, description="File name.")
    kind: SourceDocumentKind | None = strawberry.field(
        default=None, description="What it is: a resolution approving regulations, a portal text."
    )
    checksum: str | None = strawberry.field(default=None, description="SHA-256 of the text.")
    line_count: int | None = strawberry.field(default=None, description="Number of lines.")
    imported_at: str | None = strawberry.field(default=None, description="When it was imported.")

    @strawberry.field(
        description="Its editions: every text of it imported, by the day each took effect, with"
        " what each changed."
    )
    async def editions(
        self, info: Info
    ) -> list[Annotated[Edition, strawberry.lazy("lexgraph.api.history")]]:
        from lexgraph.api.history import editions

        return await editions(info, "DOCUMENT_EDITIONS", self)


@strawberry.type(
    description="A legal act (нормативный правовой акт): law (закон), code (кодекс), edict (указ),"
    " decree (декрет), directive (директива), resolution (постановление) …"
)
class LegalAct(Shared, relay.Node):
    id: relay.NodeID[str]
    kind: ActKind | None = strawberry.field(
        default=None, description="Kind (вид акта): law, code, edict, resolution …"
    )
    issuers: list[str] = strawberry.field(
        default_factory=list, description="Issuing bodies as written (Russian)."
    )
    number: str | None = strawberry.field(
        default=None, description="Number as written (номер), e.g. «433-З», «57/26»."
    )
    date: str | None = strawberry.field(default=None, description="Date of the act (ISO).")
    title: str | None = strawberry.field(default=None, description="Title (название), Russian.")
    short_title: str | None = strawberry.field(
        default=None, description="Short name (далее – …), Russian."
    )
    status: ActStatus | None = strawberry.field(
        default=None,
        description="In force or repealed, as an imported document states; null when none"
        " does. Whether it is in force on a day: `inForce`.",
    )
    adopted_on: str | None = strawberry.field(default=None, description="Adopted on (принят).")
    in_force_from: str | None = strawberry.field(
        default=None, description="Enters into force (вступает в силу) on."
    )
    repealed_on: str | None = strawberry.field(
        default=None, description="Repealed (утратил силу) on."
    )
    only_cited: bool | None = strawberry.field(
        default=None, description="True when no imported document is the act itself."
    )
    signed_by: str | None = strawberry.field(
        default=None, description="Who signed it (подписал), as written, e.g. «И.В.Кубраков»."
    )
    signed_by_position: str | None = strawberry.field(
        default=None, description="The signatory's position and rank, e.g. «Министр …»."
    )
    register_number: str | None = strawberry.field(
        default=None,
        description="Number in the National Register of Legal Acts (Национальный реестр),"
        " e.g. «8/40012».",
    )
    registered_on: str | None = strawberry.field(
        default=None, description="Day it was entered in the National Register (ISO)."
    )
    amended_by: list[str] = strawberry.field(
        default_factory=list,
        description="The amending acts a consolidated text lists («Изменения и дополнения:»),"
        " as written.",
    )

    @strawberry.field(
        description="Whether it is in force (действует) on the date it was read as of (`asOf`):"
        " from its entry into force (else its adoption, else its date) until the day before it"
        " lost force. An act known only from citations counts as in force."
    )
    def in_force(self) -> bool:
        return ActValidity.from_node(self.raw).in_force(self.as_of)

    @strawberry.field(
        description="Its editions (редакции): the texts of it the graph holds, by the day each"
        " took effect, with what each changed."
    )
    async def editions(
        self, info: Info
    ) -> list[Annotated[Edition, strawberry.lazy("lexgraph.api.history")]]:
        from lexgraph.api.history import editions

        return await editions(info, "ACT_EDITIONS", self)

    @strawberry.field(description="Issuers (издан): the authorities that issued the act.")
    async def issued_by(self, info: Info) -> list[Authority]:
        return await related_nodes(info, Authority, "ACT_ISSUED_BY", self)

    @strawberry.field(description="Authorities it was agreed with (согласовано).")
    async def agreed_with(self, info: Info) -> list[Authority]:
        return await related_nodes(info, Authority, "ACT_AGREED_WITH", self)

    @strawberry.field(description="Acts it repeals (признать утратившим силу).")
    async def repeals(self, info: Info) -> list[LegalAct]:
        return await related_nodes(info, LegalAct, "ACT_REPEALS", self)

    @strawberry.field(description="Acts that repeal it.")
    async def repealed_by(self, info: Info) -> list[LegalAct]:
        return await related_nodes(info, LegalAct, "ACT_REPEALED_BY", self)

    @strawberry.field(description="What it is issued on the basis of (на основании …).")
    async def based_on(self, info: Info) -> list[ActOrProvision]:
        items = await related(info, "ACT_BASED_ON", self)
        return build_known([i["node"] for i in items], self.as_of)

    @strawberry.field(description="Regulations it approves (утвердить регламент).")
    async def approves(self, info: Info) -> list[Regulation]:
        return await related_nodes(info, Regulation, "ACT_APPROVES", self)

    @strawberry.field(description="Its top-level units in the graph (статьи, пункты, приложения).")
    async def children(self, info: Info) -> list[Provision]:
        return await related_nodes(info, Provision, "ACT_CHILDREN", self)

    @strawberry.field(
        description="Regulations naming it in their legal basis (нормативные правовые акты,"
        " регулирующие порядок осуществления административной процедуры)."
    )
    async def legal_basis_of(self, info: Info) -> list[Regulation]:
        return await related_nodes(info, Regulation, "ACT_GOVERNS", self)

    @strawberry.field(description="Procedures its unified list numbers (единый перечень).")
    async def lists_procedures(self, info: Info) -> list[Procedure]:
        return await related_nodes(info, Procedure, "ACT_LISTS", self)

    @strawberry.field(
        description="Citations of the act or of any of its units, each with the citing node,"
        " the reference as written and the procedure it belongs to."
    )
    async def cited_by(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description=paging.PAGE_SIZE_DESCRIPTION)] = 20,
        after: Annotated[
            str | None, strawberry.argument(description="A cursor of the previous page.")
        ] = None,
        as_of: AsOfBelow = None,
    ) -> CitationConnection:
        return await cited_by(info, "LegalAct", "ACT_CITED_BY", self, first, after, as_of)

    @strawberry.field(description=EFFECTS_DESCRIPTION)
    async def effects(
        self,
        info: Info,
        direction: DirectionArgument = EffectDirection.AFFECTING,
        applied: AppliedArgument = None,
        from_: FromArgument = None,
        to: ToArgument = None,
        first: FirstArgument = 20,
        after: AfterArgument = None,
    ) -> EffectConnection:
        return await effects_page(
            info, "LegalAct", str(self.raw["id"]), direction, applied, from_, to, first, after
        )


@strawberry.type(
    description="A unit of a legal act (структурная единица): article (статья), point (пункт),"
    " subpoint (подпункт), part (часть), paragraph (абзац), annex (приложение) …"
)
class Provision(Shared, relay.Node):
    id: relay.NodeID[str]
    act_id: str | None = strawberry.field(default=None, description="Id of the act it belongs to.")
    e_id: str | None = strawberry.field(
        default=None, description="Path of the unit in the act, e.g. `art_287__point_6__part_1`."
    )
    unit_type: str | None = strawberry.field(
        default=None,
        description="`art` (статья), `point` (пункт), `subpoint` (подпункт), `part` (часть),"
        " `para` (абзац), `annex` (приложение), or an annex kind.",
    )
    number: str | None = strawberry.field(
        default=None, description="Number within its parent («287», «6», «1»)."
    )
    label: str | None = strawberry.field(
        default=None, description="Name in Russian, e.g. «часть 1 пункта 6 статьи 287»."
    )
    text: str | None = strawberry.field(
        default=None, description="Text of the unit (Russian, verbatim), when imported."
    )

    @strawberry.field(description="The act it belongs to.")
    async def act(self, info: Info) -> LegalAct | None:
        found = await related_nodes(info, LegalAct, "PROVISION_ACTS", self)
        return found[0] if found else None

    @strawberry.field(description="The unit or act it is directly part of (PART_OF).")
    async def parent(self, info: Info) -> ActOrProvision | None:
        items = await related(info, "PROVISION_PARENTS", self)
        return build(items[0]["node"], self.as_of) if items else None  # type: ignore[return-value]

    @strawberry.field(description="Its direct sub-units in the graph.")
    async def children(self, info: Info) -> list[Provision]:
        return await related_nodes(info, Provision, "PROVISION_CHILDREN", self)

    @strawberry.field(
        description="The units it is part of, from the act down to its parent (e.g. Tax Code →"
        " статья 287 → пункт 6 for часть 1 пункта 6 статьи 287)."
    )
    async def ancestors(self, info: Info) -> list[ActOrProvision]:
        items = await related(info, "PROVISION_ANCESTORS", self)
        return build_known([i["node"] for i in items], self.as_of)

    @strawberry.field(
        description="Its name in full, in legal words: the unit in the nominative, the units above"
        " it and the act in the genitive, e.g. «часть 1 пункта 6 статьи 287 Налогового кодекса"
        " Республики Беларусь» (`lexgraph.full_label`)."
    )
    async def full_label(self, info: Info) -> str:
        items = await related(info, "PROVISION_ANCESTORS", self)
        rows = [i["node"] for i in items]
        act = next((r for r in rows if r["_label"] == "LegalAct"), None)
        chain = [
            labels.Unit(r.get("unitType"), r.get("number"), r.get("label"))
            for r in rows
            if r["_label"] == "Provision"
        ]
        chain.append(labels.Unit(self.unit_type, self.number, self.label))
        name = None
        if act is not None:
            name = labels.ActName(
                id=str(act.get("currentId") or act["id"]),
                kind=act.get("kind"),
                number=act.get("number"),
                date=_plain(act.get("date")),
                title=act.get("title"),
            )
        elif self.act_id:
            name = labels.ActName(id=self.act_id)
        return labels.full_label(chain, name)

    @strawberry.field(
        description="Citations of the unit or of any of its sub-units, each with the citing node,"
        " the reference as written and the procedure it belongs to."
    )
    async def cited_by(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description=paging.PAGE_SIZE_DESCRIPTION)] = 20,
        after: Annotated[
            str | None, strawberry.argument(description="A cursor of the previous page.")
        ] = None,
        as_of: AsOfBelow = None,
    ) -> CitationConnection:
        return await cited_by(info, "Provision", "PROVISION_CITED_BY", self, first, after, as_of)

    @strawberry.field(description="References in its own text (a regulation's special feature).")
    async def citations(self, info: Info) -> list[Citation]:
        return await citations(info, "PROVISION_CITATIONS", self)

    @strawberry.field(description=EFFECTS_DESCRIPTION)
    async def effects(
        self,
        info: Info,
        direction: DirectionArgument = EffectDirection.AFFECTING,
        applied: AppliedArgument = None,
        from_: FromArgument = None,
        to: ToArgument = None,
        first: FirstArgument = 20,
        after: AfterArgument = None,
    ) -> EffectConnection:
        return await effects_page(
            info, "Provision", str(self.raw["id"]), direction, applied, from_, to, first, after
        )


ActOrProvision = Annotated[
    LegalAct | Provision,
    strawberry.union("ActOrProvision", description="A legal act or a unit of one."),
]

# ---------------------------------------------------------------------------------------------
# Procedures and their regulations


@strawberry.type(
    description="An administrative procedure (административная процедура) of the unified list"
    " (единый перечень административных процедур)."
)
class Procedure(Shared, relay.Node):
    id: relay.NodeID[str]
    number: str | None = strawberry.field(
        default=None, description="Number in the unified list (подпункт), e.g. «15.4.1»."
    )
    title: str | None = strawberry.field(default=None, description="Name (Russian).")

    @strawberry.field(description="Who may apply (субъекты хозяйствования).")
    def subjects(self) -> list[Subject]:
        known = {s.value: s for s in Subject}
        return [known[s] for s in self.raw.get("subjects") or [] if s in known]

    @strawberry.field(
        description="Its regulation (регламент административной процедуры): documents, fee,"
        " result, appeals, legal basis."
    )
    async def regulation(self, info: Info) -> Regulation | None:
        found = await related_nodes(info, Regulation, "PROCEDURE_REGULATIONS", self)
        return found[0] if found else None

    @strawberry.field(
        description="Why it depends on an act or a unit of an act: the citations of it (or of a"
        " unit inside it) in its regulation, each with the citing node and the reference as"
        " written."
    )
    async def citations_of(
        self,
        info: Info,
        id: Annotated[str, strawberry.argument(description="Graph id of the act or unit.")],
        including_subunits: Annotated[
            bool, strawberry.argument(description="Count citations of units inside it too.")
        ] = True,
    ) -> list[Citation]:
        parameters = {"target": id, "subunits": including_subunits}
        name = f"PROCEDURE_CITATIONS_OF[{id}|{including_subunits}]"
        statement = relations.PROCEDURE_CITATIONS_OF.statement
        loader = info.context.batched(name, statement, "items", parameters, as_of=self.as_of)
        items = await loader.load(self.id)
        return [Citation.of(item, self.as_of) for item in items]

    @strawberry.field(
        description="Whether it can be applied for electronically, by each source: the regulation"
        " (a document the applicant may submit in electronic form) and portal texts; both claims"
        " are kept, and a disagreement is shown, not resolved."
    )
    async def electronic_availability(self, info: Info) -> ElectronicAvailability:
        regulations = await related_nodes(info, Regulation, "PROCEDURE_REGULATIONS", self)
        documents = [
            document
            for regulation in regulations
            for document in await related_nodes(
                info, DocumentRequirement, "REGULATION_DOCUMENTS", regulation
            )
        ]
        facts = await related_nodes(info, PortalFact, "PROCEDURE_PORTAL_FACTS", self)
        return ElectronicAvailability(
            regulation_documents=[
                d for d in documents if SubmissionChannel.ELECTRONIC in d.channels
            ],
            portal_claims=[f for f in facts if f.kind is PortalFactKind.ELECTRONIC_AVAILABILITY],
            regulated=bool(regulations),
        )

    @strawberry.field(description="The unified list that numbers it (LISTED_IN).")
    async def listed_in(self, info: Info) -> LegalAct | None:
        found = await related_nodes(info, LegalAct, "PROCEDURE_LISTED_IN", self)
        return found[0] if found else None

    @strawberry.field(description="Competent authorities (уполномоченный орган).")
    async def authorities(self, info: Info) -> list[Authority]:
        return await related_nodes(info, Authority, "PROCEDURE_AUTHORITIES", self)

    @strawberry.field(description="What portal texts (portal.gov.by) say about it.")
    async def portal_facts(self, info: Info) -> list[PortalFact]:
        return await related_nodes(info, PortalFact, "PROCEDURE_PORTAL_FACTS", self)


@strawberry.type(
    description="What the sources say about applying electronically (в электронной форме)."
)
class ElectronicAvailability:
    regulation_documents: list[DocumentRequirement] = strawberry.field(
        description="Documents the regulation lets the applicant submit in electronic form."
    )
    portal_claims: list[PortalFact] = strawberry.field(
        description="Portal texts saying the procedure is available electronically."
    )
    regulated: strawberry.Private[bool]
    """A regulation of the procedure holds on the date asked: without one, nothing disagrees."""

    @strawberry.field(description="The regulation allows electronic submission of a document.")
    def by_regulation(self) -> bool:
        return bool(self.regulation_documents)

    @strawberry.field(description="A portal text says it is available electronically.")
    def by_portal(self) -> bool:
        return bool(self.portal_claims)

    @strawberry.field(
        description="The sources disagree: a portal text says it is available electronically"
        " while the regulation lets no document be submitted in electronic form (on a date no"
        " regulation of it holds, only one source speaks: no conflict)."
    )
    def conflict(self) -> bool:
        return self.by_portal() and self.regulated and not self.by_regulation()


@strawberry.type(
    description="A procedure regulation (регламент административной процедуры), approved by a"
    " ministry resolution."
)
class Regulation(Stated, relay.Node):
    id: relay.NodeID[str]
    procedure_number: str | None = strawberry.field(
        default=None, description="Number of the procedure it regulates."
    )
    procedure_title: str | None = strawberry.field(
        default=None, description="Name of the procedure as the regulation gives it (Russian)."
    )
    title: str | None = strawberry.field(default=None, description="Title (Russian).")
    competent_authority_text: str | None = strawberry.field(
        default=None,
        description="The competent authority as written (наименование уполномоченного органа).",
    )
    other_actions: list[str] = strawberry.field(
        default_factory=list,
        description="Other actions of the authority (иные действия по исполнению решения).",
    )
    notes: list[str] = strawberry.field(default_factory=list, description="Notes (примечания).")

    @strawberry.field(description="The procedure it regulates.")
    async def procedure(self, info: Info) -> Procedure | None:
        found = await related_nodes(info, Procedure, "REGULATION_PROCEDURES", self)
        return found[0] if found else None

    @strawberry.field(description="The act that approves it (утвержден постановлением).")
    async def approved_by(self, info: Info) -> LegalAct | None:
        found = await related_nodes(info, LegalAct, "REGULATION_APPROVED_BY", self)
        return found[0] if found else None

    @strawberry.field(
        description="Its legal basis (point 1.2: нормативные правовые акты, регулирующие порядок"
        " осуществления административной процедуры), in the order listed."
    )
    async def legal_basis(self, info: Info) -> list[LegalAct]:
        return await related_nodes(info, LegalAct, "REGULATION_LEGAL_BASIS", self)

    @strawberry.field(description="Special features (иные особенности, 1.3.x) as provisions.")
    async def features(self, info: Info) -> list[Provision]:
        return await related_nodes(info, Provision, "REGULATION_FEATURES", self)

    @strawberry.field(
        description="Documents the applicant submits (представляемые заинтересованным лицом)."
    )
    async def documents(self, info: Info) -> list[DocumentRequirement]:
        return await related_nodes(info, DocumentRequirement, "REGULATION_DOCUMENTS", self)

    @strawberry.field(
        description="Information the authority requests itself (запрашиваемые уполномоченным"
        " органом самостоятельно)."
    )
    async def requested_information(self, info: Info) -> list[RequestedInformation]:
        return await related_nodes(info, RequestedInformation, "REGULATION_REQUESTED", self)

    @strawberry.field(description="Documents issued as the result (выдаваемый документ).")
    async def issued_documents(self, info: Info) -> list[IssuedDocument]:
        return await related_nodes(info, IssuedDocument, "REGULATION_ISSUED", self)

    @strawberry.field(description="Registries the decision is recorded in (иные действия).")
    async def recorded_in(self, info: Info) -> list[Registry]:
        return await related_nodes(info, Registry, "REGULATION_REGISTRIES", self)

    @strawberry.field(description="The fee (плата, государственная пошлина), if any.")
    async def fee(self, info: Info) -> Fee | None:
        found = await related_nodes(info, Fee, "REGULATION_FEES", self)
        return found[0] if found else None

    @strawberry.field(description="How to appeal (порядок обжалования).")
    async def appeals(self, info: Info) -> list[Appeal]:
        return await related_nodes(info, Appeal, "REGULATION_APPEALS", self)

    @strawberry.field(description="The application form of its annex (форма заявления).")
    async def form(self, info: Info) -> Form | None:
        found = await related_nodes(info, Form, "REGULATION_FORMS", self)
        return found[0] if found else None

    @strawberry.field(
        description="Every citation in the regulation and its parts (documents, requested"
        " information, features, benefits), with the citing node and the unit cited."
    )
    async def citations(self, info: Info) -> list[Citation]:
        return await citations(info, "REGULATION_CITATIONS", self)

    @strawberry.field(
        description="References in the regulation the grammar could not resolve (kept as"
        " written, never guessed)."
    )
    async def unresolved_citations(self, info: Info) -> list[UnresolvedCitation]:
        return await related_nodes(info, UnresolvedCitation, "REGULATION_UNRESOLVED", self)


@strawberry.type(
    description="A document the applicant submits (документ, представляемый заинтересованным"
    " лицом), as a row of the regulation's table."
)
class DocumentRequirement(Stated, relay.Node):
    id: relay.NodeID[str]
    position: int | None = strawberry.field(default=None, description="Row number, from 1.")
    name: str | None = strawberry.field(
        default=None, description="Name of the document (наименование документа), Russian."
    )
    alternatives: list[str] = strawberry.field(
        default_factory=list, description="Documents accepted instead (или …), Russian."
    )
    requirements: str | None = strawberry.field(
        default=None, description="Requirements to the document (требования), Russian."
    )
    submission_lines: list[str] = strawberry.field(
        default_factory=list, description="Form and way of submission (форма и порядок) as written."
    )
    channels: list[SubmissionChannel] = strawberry.field(
        default_factory=list,
        description="Ways of submission (лично, по почте, нарочным, в электронной форме).",
    )
    electronic_text: str | None = strawberry.field(
        default=None, description="The electronic way of submission as written."
    )
    written_form: bool | None = strawberry.field(
        default=None, description="Submitted in written form (в письменной форме)."
    )
    condition: str | None = strawberry.field(
        default=None,
        description="When it is needed (e.g. «– для иностранных граждан …»), all conditions"
        " joined by «; ».",
        deprecation_reason="Use `conditions`: each condition apart, the same words.",
    )
    conditions: list[str] = strawberry.field(
        default_factory=list,
        description="Each condition: the group heading «при …:», then the name's own «– при …»,"
        " «(в случае …)», «(за исключением …)».",
    )
    submission_cell: SubmissionStated | None = strawberry.field(
        default=None,
        description="Where its way of submission (`channels`, `submissionLines`) comes from: its"
        " own row, one statement for several documents, or nowhere (then it goes with the"
        " application, as the first document does: a reading, told as such).",
    )
    notes: list[str] = strawberry.field(
        default_factory=list, description="Notes and footnotes (примечания, сноски)."
    )

    @strawberry.field(description="Whether it must be legalized (легализация, апостиль).")
    def apostille(self) -> Apostille:
        value = self.raw.get("apostille")
        return next((a for a in Apostille if a.value == value), Apostille.NOT_STATED)

    @strawberry.field(description="The regulation requiring it.")
    async def regulation(self, info: Info) -> Regulation | None:
        found = await related_nodes(info, Regulation, "DOCUMENT_REGULATIONS", self)
        return found[0] if found else None

    @strawberry.field(description="References in its text to acts and their units.")
    async def citations(self, info: Info) -> list[Citation]:
        return await citations(info, "DOCUMENT_CITATIONS", self)

    @strawberry.field(description="References in its text that could not be resolved.")
    async def unresolved_citations(self, info: Info) -> list[UnresolvedCitation]:
        return await related_nodes(info, UnresolvedCitation, "DOCUMENT_UNRESOLVED", self)


@strawberry.type(
    description="Information the authority requests itself (запрашиваемые уполномоченным органом"
    " самостоятельно)."
)
class RequestedInformation(Stated, relay.Node):
    id: relay.NodeID[str]
    position: int | None = strawberry.field(default=None, description="Row number, from 1.")
    name: str | None = strawberry.field(default=None, description="What is requested, Russian.")
    source_kind: InformationSourceKind | None = strawberry.field(
        default=None, description="Whom it is requested from: an authority or a registry."
    )
    condition: str | None = strawberry.field(
        default=None, description="When it is requested («в случае, если …», «за исключением …»)."
    )
    notes: list[str] = strawberry.field(
        default_factory=list, description="Footnotes (сноски), Russian."
    )

    @strawberry.field(description="The registries or authorities it is requested from.")
    async def requested_from(self, info: Info) -> list[RegistryOrAuthority]:
        items = await related(info, "REQUESTED_SOURCES", self)
        return build_known([i["node"] for i in items], self.as_of)

    @strawberry.field(description="References in its text to acts and their units.")
    async def citations(self, info: Info) -> list[Citation]:
        return await citations(info, "REQUESTED_CITATIONS", self)

    @strawberry.field(description="The regulation stating it.")
    async def regulation(self, info: Info) -> Regulation | None:
        found = await related_nodes(info, Regulation, "REQUESTED_REGULATIONS", self)
        return found[0] if found else None


@strawberry.type(
    description="A document issued as the result of the procedure (справка или иной документ,"
    " выдаваемый по результатам)."
)
class IssuedDocument(Stated, relay.Node):
    id: relay.NodeID[str]
    position: int | None = strawberry.field(default=None, description="Row number, from 1.")
    name: str | None = strawberry.field(default=None, description="Name (Russian).")
    form: str | None = strawberry.field(
        default=None, description="Form in which it is issued (форма представления)."
    )
    validity_text: list[str] = strawberry.field(
        default_factory=list, description="Validity period (срок действия) as written."
    )
    validity: list[ValidityPeriod] = strawberry.field(
        default_factory=list,
        description="Validity periods (срок действия), each an amount and a unit, or unlimited,"
        " with the Russian words («1 год», «5 лет»); in the order of `validityText`.",
    )
    validity_conditions: list[str] = strawberry.field(
        default_factory=list, description="To whom each validity period applies (в отношении …)."
    )

    @strawberry.field(description="The regulation stating it.")
    async def regulation(self, info: Info) -> Regulation | None:
        found = await related_nodes(info, Regulation, "ISSUED_REGULATIONS", self)
        return found[0] if found else None


@strawberry.type(description="The fee of a procedure (плата, государственная пошлина).")
class Fee(Stated, relay.Node):
    id: relay.NodeID[str]
    kind: str | None = strawberry.field(
        default=None, description="Kind as written, e.g. «государственная пошлина»."
    )
    amount_base_units: float | None = strawberry.field(
        default=None, description="Amount in base units (базовые величины)."
    )
    unit: str | None = strawberry.field(default=None, description="Unit, «базовая величина».")

    @strawberry.field(description="Fee benefits (льготы по размеру платы).")
    async def benefits(self, info: Info) -> list[Benefit]:
        return await related_nodes(info, Benefit, "FEE_BENEFITS", self)

    @strawberry.field(description="The regulation charging it.")
    async def regulation(self, info: Info) -> Regulation | None:
        found = await related_nodes(info, Regulation, "FEE_REGULATIONS", self)
        return found[0] if found else None


@strawberry.type(description="A fee benefit (льгота по размеру платы): where it is established.")
class Benefit(Stated, relay.Node):
    id: relay.NodeID[str]
    position: int | None = strawberry.field(default=None, description="Order in the list.")
    text: str | None = strawberry.field(
        default=None, description="The reference establishing it, as written (Russian)."
    )

    @strawberry.field(description="The units of acts that establish it.")
    async def citations(self, info: Info) -> list[Citation]:
        return await citations(info, "BENEFIT_CITATIONS", self)

    @strawberry.field(description="References that could not be resolved.")
    async def unresolved_citations(self, info: Info) -> list[UnresolvedCitation]:
        return await related_nodes(info, UnresolvedCitation, "BENEFIT_UNRESOLVED", self)

    @strawberry.field(description="The fee it reduces.")
    async def fee(self, info: Info) -> Fee | None:
        found = await related_nodes(info, Fee, "BENEFIT_FEES", self)
        return found[0] if found else None


@strawberry.type(
    description="A way to appeal the decision: administrative complaint (административная"
    " жалоба) or judicial appeal (обжалование в судебном порядке)."
)
class Appeal(Stated, relay.Node):
    id: relay.NodeID[str]
    kind: AppealKind | None = strawberry.field(
        default=None,
        description="Administrative complaint (жалоба) or judicial appeal (в судебном порядке).",
    )
    forms: list[AppealForm] = strawberry.field(
        default_factory=list, description="Forms of filing (электронная, письменная)."
    )
    form_text: str | None = strawberry.field(
        default=None, description="Form of filing as written (форма подачи)."
    )
    body_name: str | None = strawberry.field(
        default=None,
        description="The body hearing the complaint as written (наименование органа,"
        " рассматривающего жалобу).",
    )

    @strawberry.field(description="The bodies hearing the complaint.")
    async def heard_by(self, info: Info) -> list[Authority]:
        return await related_nodes(info, Authority, "APPEAL_HEARD_BY", self)

    @strawberry.field(description="The regulation stating it.")
    async def regulation(self, info: Info) -> Regulation | None:
        found = await related_nodes(info, Regulation, "APPEAL_REGULATIONS", self)
        return found[0] if found else None


@strawberry.type(description="The application form (форма заявления) of a regulation's annex.")
class Form(Stated, relay.Node):
    id: relay.NodeID[str]
    title: str | None = strawberry.field(default=None, description="Title (Russian).")
    addressee_hint: str | None = strawberry.field(
        default=None, description="Whom it is addressed to, as the form hints."
    )
    fields: list[str] = strawberry.field(
        default_factory=list, description="Labels of its fields (Russian)."
    )
    field_hints: list[str] = strawberry.field(
        default_factory=list, description="Hints under its fields (Russian)."
    )

    @strawberry.field(description="The regulation whose annex it is.")
    async def regulation(self, info: Info) -> Regulation | None:
        found = await related_nodes(info, Regulation, "FORM_REGULATIONS", self)
        return found[0] if found else None


@strawberry.type(
    description="A state information resource, register, registry or automated information"
    " system (государственный информационный ресурс, регистр, реестр, АИС)."
)
class Registry(Shared, relay.Node):
    id: relay.NodeID[str]
    name: str | None = strawberry.field(default=None, description="Name (Russian).")

    @strawberry.field(description="Procedures that record in it or request information from it.")
    async def procedures(self, info: Info) -> list[Procedure]:
        return await related_nodes(info, Procedure, "REGISTRY_PROCEDURES", self)


@strawberry.type(
    description="A state body or organization (государственный орган, организация): a competent"
    " authority, an issuer of acts, a body hearing complaints."
)
class Authority(Shared, relay.Node):
    id: relay.NodeID[str]
    name: str | None = strawberry.field(default=None, description="Name (Russian).")

    @strawberry.field(description="Procedures it is the competent authority for.")
    async def procedures(self, info: Info) -> list[Procedure]:
        return await related_nodes(info, Procedure, "AUTHORITY_PROCEDURES", self)

    @strawberry.field(description="Acts it issued.")
    async def acts(self, info: Info) -> list[LegalAct]:
        return await related_nodes(info, LegalAct, "AUTHORITY_ACTS", self)

    @strawberry.field(description="Appeals it hears (рассматривает жалобы).")
    async def appeals_heard(self, info: Info) -> list[Appeal]:
        return await related_nodes(info, Appeal, "AUTHORITY_APPEALS", self)


RegistryOrAuthority = Annotated[
    Registry | Authority,
    strawberry.union("RegistryOrAuthority", description="A registry or an authority."),
]


@strawberry.type(description="A portal (портал), e.g. the single portal of e-services.")
class Portal(GraphObject, relay.Node):
    id: relay.NodeID[str]
    name: str | None = strawberry.field(default=None, description="Name.")
    url: str | None = strawberry.field(default=None, description="Address.")


@strawberry.type(
    description="What a portal text (portal.gov.by) states about a procedure or an act: electronic"
    " availability, a step, a way to sign in, payment … Kept apart from the regulation's own"
    " claims, each with its source."
)
class PortalFact(Stated, relay.Node):
    id: relay.NodeID[str]
    kind: PortalFactKind | None = strawberry.field(
        default=None, description="What the text states."
    )
    title: str | None = strawberry.field(default=None, description="Title (Russian).")
    text: str | None = strawberry.field(default=None, description="The statement (Russian).")
    applicants: list[str] = strawberry.field(
        default_factory=list, description="Whom it concerns (заявители)."
    )
    available_from: str | None = strawberry.field(
        default=None, description="Since when (a date or a year)."
    )
    match_key: str | None = strawberry.field(
        default=None, description="The key the procedure was matched by."
    )

    @strawberry.field(description="The procedures it speaks of.")
    async def procedures(self, info: Info) -> list[Procedure]:
        return await related_nodes(info, Procedure, "FACT_PROCEDURES", self)

    @strawberry.field(description="The acts it is stated under.")
    async def acts(self, info: Info) -> list[LegalAct]:
        return await related_nodes(info, LegalAct, "FACT_ACTS", self)

    @strawberry.field(description="The portal it is about.")
    async def portal(self, info: Info) -> Portal | None:
        found = await related_nodes(info, Portal, "FACT_PORTALS", self)
        return found[0] if found else None


@strawberry.type(
    description="A reference the citation grammar could not resolve (неразрешенная ссылка):"
    " kept as written with the reason, never guessed."
)
class UnresolvedCitation(GraphObject, relay.Node):
    id: relay.NodeID[str]
    text: str | None = strawberry.field(default=None, description="The reference as written.")
    reason: str | None = strawberry.field(default=None, description="Why it is unresolved.")
    char_start: int | None = strawberry.field(
        default=None, description="Start in the citing node's text (characters)."
    )
    char_end: int | None = strawberry.field(default=None, description="End (exclusive).")

    @strawberry.field(description="The node whose text holds the reference.")
    async def citing(self, info: Info) -> relay.Node | None:
        items = await related(info, "UNRESOLVED_CITING", self)
        found = build_known([i["node"] for i in items], self.as_of)
        return found[0] if found else None


NODE_TYPES: dict[str, type[GraphObject]] = {
    cls.__name__: cls
    for cls in (
        SourceDocument,
        LegalAct,
        Provision,
        Procedure,
        Regulation,
        DocumentRequirement,
        RequestedInformation,
        IssuedDocument,
        Fee,
        Benefit,
        Appeal,
        Form,
        Registry,
        Authority,
        Portal,
        PortalFact,
        UnresolvedCitation,
    )
}
