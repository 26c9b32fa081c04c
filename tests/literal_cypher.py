"""Is every statement sent to Neo4j built only from literals? The annotations say so
(`LiteralString`, PEP 675), but mypy does not check it: this reads the source and does.

Pure: Python source in, findings out. A *sender* is a call that sends a statement:
`….execute_query(q, …)`, `….run(q, …)` on a transaction or session (a receiver named `tx`,
`session`, `transaction` …), and any function of the tree that passes one of its parameters on
to a sender (`RequestContext.read`, `batched` …), found as the walk goes. What a sender is given
must be built only from literals: string and number literals; names bound only to such values
(in the function, the functions around it, or any module of the tree); `+`, `%`, f-strings,
`join`, `format`, `replace` … of such values; containers of them, and the items and fields taken
out of those; objects of the tree's classes made of them; and what the tree's functions return,
when built from literals and from arguments that are. Numbers made by counting (`len`, `range`,
`enumerate`'s index) count as literals: they cannot carry Cypher. Anything else fails where it
reaches a sender: a value read from input or a file, a parameter of an entry point, what a call
outside the tree returns.

The walk is flow-insensitive (a name holds the join of everything bound to it) and fails what it
cannot see through. What it does not follow: a container changed through an alias it cannot see
(one object passed around and changed elsewhere), and a sender called as a value
(`execute_write(fn, …)` checks `fn`'s defaults, not what is passed to it).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

Function = ast.FunctionDef | ast.AsyncFunctionDef
Comprehension = ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp
Dep = tuple[Function, str, tuple[str, ...]]
"""A parameter of a function whose result is being worked out (and attributes taken of it)."""

# ------------------------------------------------------------------------------------ values


@dataclass(frozen=True)
class Lit:
    """Built from literals, and from `deps` once the caller says what they are."""

    deps: frozenset[Dep] = frozenset()


@dataclass(frozen=True)
class Tup:
    """A tuple known item by item (for unpacking, and indexes that are constants)."""

    items: tuple[Value, ...]


@dataclass(frozen=True)
class Obj:
    """An object of a class of the tree, known field by field."""

    cls: ast.ClassDef
    fields: tuple[tuple[str, Value], ...]


@dataclass(frozen=True)
class NotLiteral:
    pass


NOT = NotLiteral()
LITERAL = Lit()
Value = Lit | Tup | Obj | NotLiteral | None  # None: nothing known yet


def join(a: Value, b: Value) -> Value:
    """What a name holds when bound to `a` in one place and to `b` in another."""
    if a is None or b is None:
        return b if a is None else a
    if isinstance(a, Lit) and isinstance(b, Lit):
        return Lit(a.deps | b.deps)
    if isinstance(a, Tup) and isinstance(b, Tup) and len(a.items) == len(b.items):
        return Tup(tuple(join(x, y) for x, y in zip(a.items, b.items, strict=True)))
    if isinstance(a, Obj) and isinstance(b, Obj) and a.cls is b.cls:
        mine, theirs = dict(a.fields), dict(b.fields)
        names = sorted(mine.keys() | theirs.keys())
        return Obj(a.cls, tuple((n, join(mine.get(n, NOT), theirs.get(n, NOT))) for n in names))
    if isinstance(a, NotLiteral) or isinstance(b, NotLiteral):
        return NOT
    return join(flat(a), flat(b))


def join_all(values: Iterable[Value]) -> Value:
    found: Value = None
    for value in values:
        found = join(found, value)
    return found


def flat(value: Value) -> Value:
    """What any string taken out of `value` may be."""
    if isinstance(value, Tup):
        return join_all(flat(item) for item in value.items) or LITERAL
    if isinstance(value, Obj):
        return join_all(flat(v) for _, v in value.fields) or LITERAL
    return value


# ------------------------------------------------------------------------------------ scopes

Binding = tuple[str, ast.AST, "Scope"]
"""How a name is bound (`param`, `assign`, `for`, `mutated`, `import`, `def`, `opaque`), the node
that binds it, and the scope the bound value is read in."""


@dataclass(eq=False)
class Scope:
    module: Module
    node: ast.Module | Function
    parent: Scope | None
    cls: ast.ClassDef | None = None  # the class of a method
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    defs: dict[str, Function | ast.ClassDef] = field(default_factory=dict)
    imports: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    calls: list[tuple[ast.Call, tuple[Comprehension, ...]]] = field(default_factory=list)

    def bind(self, name: str, kind: str, node: ast.AST, where: Scope | None = None) -> None:
        self.bindings.setdefault(name, []).append((kind, node, where or self))

    def owner_of(self, name: str) -> Scope | None:
        scope: Scope | None = self
        while scope is not None and name not in scope.bindings:
            scope = scope.parent
        return scope

    def name(self) -> str:
        """`Class.method.inner`, or `<module>`."""
        if isinstance(self.node, ast.Module):
            return "<module>"
        outer = self.parent.name() if self.parent is not None else "<module>"
        own = f"{self.cls.name}.{self.node.name}" if self.cls else self.node.name
        return own if outer == "<module>" else f"{outer}.{own}"

    def enclosing_class(self) -> ast.ClassDef | None:
        scope: Scope | None = self
        while scope is not None and scope.cls is None:
            scope = scope.parent
        return scope.cls if scope is not None else None


@dataclass(eq=False)
class Module:
    name: str
    path: str
    scope: Scope = field(init=False)


MUTATORS = {"append", "add", "extend", "insert", "update", "setdefault", "appendleft"}
COUNTING = {"len", "range", "int", "min", "max", "sum", "abs", "bool", "round"}
KEEPING = {
    "sorted", "list", "tuple", "set", "frozenset", "reversed", "iter", "next", "str", "dict",
    "MappingProxyType",
}  # fmt: skip
STRING_METHODS = {
    "join", "format", "replace", "strip", "lstrip", "rstrip", "upper", "lower", "title",
    "removeprefix", "removesuffix", "split", "splitlines", "items", "values", "keys", "copy",
}  # fmt: skip
KEYED = {"get", "setdefault", "pop"}  # their first argument is a key, not what they return
PASSING_THROUGH = {"Query": 0, "cast": 1}  # neo4j.Query(text, timeout=…) sends its text
SESSION = re.compile(r"(^|_)(tx|transaction|session)$")
NOT_NEO4J_RUN = {"asyncio", "subprocess", "uvicorn", "self"}
FUNCTIONS = ast.FunctionDef | ast.AsyncFunctionDef


BINDING = {
    ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Call, ast.Assign, ast.AnnAssign,
    ast.AugAssign, ast.NamedExpr, ast.For, ast.AsyncFor, ast.Import, ast.ImportFrom, ast.withitem,
    ast.ExceptHandler, ast.MatchAs, ast.MatchStar, ast.Lambda,
}  # fmt: skip


class _Collector:
    """Binds every name of a module to where it is bound, scope by scope."""

    def __init__(self, module: Module, tree: ast.Module) -> None:
        self.module = module
        self.scopes: list[Scope] = []  # outer ones first
        self.function_scopes: dict[ast.AST, Scope] = {}
        module.scope = self.body(Scope(module, tree, None), tree.body)

    def body(self, scope: Scope, statements: Iterable[ast.AST]) -> Scope:
        self.scopes.append(scope)
        stack: list[tuple[ast.AST, tuple[Comprehension, ...]]] = [(s, ()) for s in statements]
        while stack:
            node, comprehensions = stack.pop()
            self.node(scope, node, comprehensions)
            if isinstance(node, FUNCTIONS | ast.ClassDef):
                continue  # a scope of its own (a class body's names are no method's)
            inner = (*comprehensions, node) if isinstance(node, Comprehension) else comprehensions
            stack.extend((child, inner) for child in ast.iter_child_nodes(node))
        return scope

    def node(self, scope: Scope, node: ast.AST, comprehensions: tuple[Comprehension, ...]) -> None:
        if type(node) not in BINDING:
            return
        if isinstance(node, FUNCTIONS):
            self.function(scope, node, None)
        elif isinstance(node, ast.ClassDef):
            scope.defs[node.name] = node
            scope.bind(node.name, "def", node)
            for item in node.body:
                if isinstance(item, FUNCTIONS):
                    self.function(scope, item, node)
        elif isinstance(node, ast.Call):
            scope.calls.append((node, comprehensions))
            func = node.func
            receiver = func.value if isinstance(func, ast.Attribute) else None
            if isinstance(receiver, ast.Name) and getattr(func, "attr", "") in MUTATORS:
                scope.bind(receiver.id, "mutated", node)  # `parts.append(…)`
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                bind_target(scope, target, "assign", node)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign | ast.NamedExpr) and node.value:
            bind_target(scope, node.target, "assign", node)
        elif isinstance(node, ast.For | ast.AsyncFor):
            bind_target(scope, node.target, "for", node)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            self.imported(scope, node)
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            bind_target(scope, node.optional_vars, "opaque", node)
        elif isinstance(node, ast.ExceptHandler | ast.MatchAs | ast.MatchStar) and node.name:
            scope.bind(node.name, "opaque", node)
        elif isinstance(node, ast.Lambda):
            for argument in ast.walk(node.args):
                if isinstance(argument, ast.arg):
                    scope.bind(argument.arg, "opaque", argument)

    def function(self, scope: Scope, node: Function, cls: ast.ClassDef | None) -> None:
        if cls is None:
            scope.defs[node.name] = node
            scope.bind(node.name, "def", node)
        inner = Scope(self.module, node, scope, cls=cls)
        self.function_scopes[node] = inner
        arguments = node.args
        for argument in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
            inner.bind(argument.arg, "param", argument)
        for star in (arguments.vararg, arguments.kwarg):
            if star is not None:
                inner.bind(star.arg, "opaque", star)
        self.body(inner, node.body)

    def imported(self, scope: Scope, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.asname or alias.name.split(".")[0]
                scope.imports[name] = (alias.name if alias.asname else name, None)
                scope.bind(name, "import", node)
            return
        base = node.module or ""
        if node.level:
            package = self.module.name.split(".")
            if not self.module.path.endswith("__init__.py"):
                package = package[:-1]
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, *([node.module] if node.module else [])])
        for alias in node.names:
            scope.imports[alias.asname or alias.name] = (base, alias.name)
            scope.bind(alias.asname or alias.name, "import", node)

    def follow_mutations(self) -> None:
        """`parts.append(x)` in a nested function changes the enclosing function's `parts`;
        `counts.append(x)` after `counts = per_label.setdefault(k, [])` changes `per_label`."""
        for scope in reversed(self.scopes):  # the innermost first
            for name, bindings in list(scope.bindings.items()):
                changes = [b for b in bindings if b[0] == "mutated"]
                if changes and len(changes) == len(bindings) and scope.parent is not None:
                    owner = scope.parent.owner_of(name)
                    if owner is not None:
                        del scope.bindings[name]
                        owner.bindings[name].extend(changes)
                    continue
                for kind, bound, where in bindings if changes else ():
                    source = getattr(bound, "value", None) if kind == "assign" else None
                    while isinstance(source, ast.Call | ast.Subscript | ast.Attribute):
                        source = source.func if isinstance(source, ast.Call) else source.value
                    if isinstance(source, ast.Name) and source.id != name:
                        owner = where.owner_of(source.id)
                        if owner is not None:
                            owner.bindings[source.id].extend(changes)


def bind_target(scope: Scope, target: ast.expr, kind: str, node: ast.AST) -> None:
    if isinstance(target, ast.Name):
        scope.bind(target.id, kind, node)
    elif isinstance(target, ast.Starred):
        bind_target(scope, target.value, kind, node)
    elif isinstance(target, ast.Tuple | ast.List):
        for item in target.elts:
            bind_target(scope, item, kind, node)
    elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
        scope.bind(target.value.id, "mutated", node)


# ---------------------------------------------------------------------------------- the check


@dataclass(frozen=True)
class Finding:
    """A statement not built only from literals: `statement` given to `sender` in `function`;
    or, for a function that sends its parameter `statement` itself, `why` no call says what
    that is (`called nowhere`: an entry point, or a function passed as a value) or its default
    is not a literal (`default`)."""

    path: str
    function: str
    line: int
    sender: str
    statement: str
    why: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line} in {self.function}"
        if self.why:
            return f"{where}: sends its parameter `{self.statement}`, {self.why}"
        return f"{where}: {self.sender}() is sent `{self.statement}`, not built only from literals"


@dataclass(frozen=True)
class Wrapper:
    """A function of the tree that sends what it is given as `parameter`."""

    function: Function
    parameter: str
    index: int  # the parameter's place among a call's positional arguments (-1: keyword only)


class Checker:
    def __init__(self, sources: Mapping[str, str], assumed: Iterable[str] = ()) -> None:
        """`sources`: path (`src/lexgraph/…` or a top-level package) → text. `assumed`: names
        taken as built from literals without looking, `module.NAME` or
        `module.function.parameter` (a reason for each belongs where they are given)."""
        self.assumed = set(assumed)
        self.modules: dict[str, Module] = {}
        self.scopes: dict[ast.AST, Scope] = {}  # of every function
        for path, text in sources.items():
            module = Module(_module_name(path), path)
            collector = _Collector(module, ast.parse(text, path))
            collector.follow_mutations()
            self.modules[module.name] = module
            self.scopes |= collector.function_scopes
        self.wrappers: dict[Function, Wrapper] = {}
        self._names: dict[tuple[int, str], Value] = {}
        self._returns: dict[Function, Value] = {}
        self._comprehensions: dict[tuple[ast.AST, int], Scope] = {}
        self._busy: set[object] = set()
        self._cycles = 0  # cycles met so far: a value worked out meeting none is final

    def findings(self) -> list[Finding]:
        while True:  # a wrapper found makes its callers senders: until none is new
            known = len(self.wrappers)
            self._called: set[Function] = set()
            found = {f for module in self.modules.values() for f in self._check(module)}
            if len(self.wrappers) == known:
                break
        for wrapper in self.wrappers.values():
            if wrapper.function not in self._called:  # an entry point, or called as a value
                scope = self.scopes[wrapper.function]
                found.add(
                    Finding(
                        scope.module.path,
                        scope.name(),
                        wrapper.function.lineno,
                        scope.name(),
                        wrapper.parameter,
                        "and no call in the tree says what that is",
                    )
                )
        return sorted(found, key=lambda f: (f.path, f.line, f.sender))

    def _check(self, module: Module) -> Iterator[Finding]:
        for scope in [module.scope, *(s for s in self.scopes.values() if s.module is module)]:
            for call, comprehensions in scope.calls:
                where = scope
                for comprehension in comprehensions:
                    where = self._comprehension_scope(comprehension, where)
                for sender, statement in self._statements(where, call):
                    value = flat(self.eval(statement, where))
                    if isinstance(value, Lit):
                        for function, parameter, _ in value.deps:
                            self._wrap(function, parameter)
                        continue
                    yield Finding(
                        module.path, scope.name(), call.lineno, sender, ast.unparse(statement)
                    )
        for wrapper in list(self.wrappers.values()):  # a default is sent when none is given
            function = wrapper.function
            scope = self.scopes[function]
            if scope.module is module and not isinstance(self._default(wrapper), Lit):
                why = "whose default is not built only from literals"
                name = scope.name()
                yield Finding(module.path, name, function.lineno, name, wrapper.parameter, why)

    def _default(self, wrapper: Wrapper) -> Value:
        home = self.scopes[wrapper.function].parent
        assert home is not None
        for name, default in _defaults(wrapper.function):
            if name == wrapper.parameter and default is not None:
                return flat(self.eval(default, home))
        return LITERAL

    def _wrap(self, function: Function, parameter: str) -> None:
        if function in self.wrappers:
            return
        names = [a.arg for a in [*function.args.posonlyargs, *function.args.args]]
        index = names.index(parameter) if parameter in names else -1
        if self.scopes[function].cls is not None and index >= 0:
            index -= 1  # `self`
        self.wrappers[function] = Wrapper(function, parameter, index)

    def _statements(self, scope: Scope, call: ast.Call) -> Iterator[tuple[str, ast.expr]]:
        """What `call` sends to Neo4j, with the name of what it calls."""
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if isinstance(func, ast.Attribute) and name == "execute_query":
            yield from _argument(call, 0, "query_", name)
        elif isinstance(func, ast.Attribute) and name == "run" and call.args:
            receiver = _last_name(func.value)
            if SESSION.search(receiver):
                yield from _argument(call, 0, "query", name)
            elif receiver not in NOT_NEO4J_RUN:
                yield f"run on `{ast.unparse(func.value)}` (is it Neo4j's?)", call
        target = self._callee(scope, func)
        wrapper: Wrapper | None = None
        if isinstance(target, FUNCTIONS):
            wrapper = self.wrappers.get(target)
        elif target is None and self._given(scope, func):
            # A method of an object passed in (`info.context.read`), or a function passed in: a
            # method of the tree by that name. Calls it cannot tell are left out, and a sender
            # that no call reaches is reported as one (below, `findings`).
            for candidate in self.wrappers.values():
                if candidate.function.name == name and self.scopes[candidate.function].cls:
                    wrapper = candidate
        if wrapper is not None:
            self._called.add(wrapper.function)
            yield from _argument(call, wrapper.index, wrapper.parameter, name)
        elif name in ("execute_read", "execute_write") and call.args:
            # `session.execute_write(work, a, b)` calls `work(tx, a, b)`.
            work = self._callee(scope, call.args[0])
            wrapper = self.wrappers.get(work) if isinstance(work, FUNCTIONS) else None
            if wrapper is not None:
                self._called.add(wrapper.function)
                yield from _argument(call, wrapper.index, wrapper.parameter, work.name)

    def _given(self, scope: Scope, func: ast.expr, seen: frozenset[str] = frozenset()) -> bool:
        """Whether `func` is a parameter, or an attribute of one (`info.context.read`), or of a
        name bound to one (`context = info.context; context.read`)."""
        while isinstance(func, ast.Attribute | ast.Subscript):
            func = func.value
        owner = scope.owner_of(func.id) if isinstance(func, ast.Name) else None
        if owner is None or not isinstance(func, ast.Name) or func.id in seen:
            return False
        bindings = owner.bindings[func.id]
        if bindings[0][0] == "param":
            return True
        return any(
            kind == "assign"
            and isinstance(bound, ast.Assign | ast.AnnAssign)
            and bound.value is not None
            and self._given(where, bound.value, seen | {func.id})
            for kind, bound, where in bindings
        )

    # -- values

    def eval(self, node: ast.expr, scope: Scope) -> Value:
        if isinstance(node, ast.Constant | ast.Compare):
            return LITERAL
        if isinstance(node, ast.JoinedStr):
            return join_all([LITERAL, *(self.eval(v, scope) for v in node.values)])
        if isinstance(node, ast.FormattedValue | ast.Starred):
            return flat(self.eval(node.value, scope))
        if isinstance(node, ast.BinOp):
            return join(flat(self.eval(node.left, scope)), flat(self.eval(node.right, scope)))
        if isinstance(node, ast.BoolOp):
            return join_all(self.eval(v, scope) for v in node.values)
        if isinstance(node, ast.IfExp):
            return join(self.eval(node.body, scope), self.eval(node.orelse, scope))
        if isinstance(node, ast.UnaryOp):
            return self.eval(node.operand, scope)
        if isinstance(node, ast.NamedExpr):
            return self.eval(node.value, scope)
        if isinstance(node, ast.Tuple):
            return Tup(tuple(self.eval(item, scope) for item in node.elts))
        if isinstance(node, ast.List | ast.Set):
            return join_all(flat(self.eval(item, scope)) for item in node.elts) or LITERAL
        if isinstance(node, ast.Dict):
            parts = [*(k for k in node.keys if k is not None), *node.values]
            return join_all(flat(self.eval(p, scope)) for p in parts) or LITERAL
        if isinstance(node, Comprehension):
            inner = self._comprehension_scope(node, scope)
            if isinstance(node, ast.DictComp):
                return join(flat(self.eval(node.key, inner)), flat(self.eval(node.value, inner)))
            return flat(self.eval(node.elt, inner))
        if isinstance(node, ast.Subscript):
            value, index = self.eval(node.value, scope), node.slice
            items = value.items if isinstance(value, Tup) else ()
            if isinstance(index, ast.Constant) and index.value in range(-len(items), len(items)):
                return items[index.value]
            return flat(value)
        if isinstance(node, ast.Attribute):
            return self._attribute(node, scope)
        if isinstance(node, ast.Name):
            return self._name(node.id, scope)
        if isinstance(node, ast.Call):
            return self._call(node, scope)
        return NOT

    def _comprehension_scope(self, node: Comprehension, scope: Scope) -> Scope:
        key = (node, id(scope))
        if key not in self._comprehensions:
            inner = Scope(scope.module, scope.node, scope, cls=scope.cls)
            for generator in node.generators:
                bind_target(inner, generator.target, "for", generator)
            self._comprehensions[key] = inner
        return self._comprehensions[key]

    def _attribute(self, node: ast.Attribute, scope: Scope) -> Value:
        module = self._module_named(node.value, scope)
        if module is not None:
            return self._module_name(module, node.attr)
        value = self.eval(node.value, scope)
        if isinstance(value, Obj):
            fields = dict(value.fields)
            if node.attr in fields:
                return fields[node.attr]
            prop = _method(value.cls, node.attr)
            if prop is not None and _is_property(prop):
                return _substitute(self._returned(prop), prop, {prop.args.args[0].arg: value})
            return flat(value)
        return _project(value, (node.attr,))

    def _name(self, name: str, scope: Scope) -> Value:
        owner = scope.owner_of(name)
        if owner is None:
            return NOT  # a builtin, or a name the tree does not bind
        if owner.parent is None and f"{owner.module.name}.{name}" in self.assumed:
            return LITERAL
        key = (id(owner), name)
        if key in self._names:
            return self._names[key]
        if key in self._busy:
            self._cycles += 1
            return None  # a cycle: what it adds is counted where it started
        self._busy.add(key)
        cycles = self._cycles
        try:
            value = join_all(
                self._bound(name, kind, node, where, owner)
                for kind, node, where in owner.bindings[name]
            )
        finally:
            self._busy.discard(key)
        if self._cycles == cycles:
            self._names[key] = value
        return value

    def _bound(self, name: str, kind: str, node: ast.AST, where: Scope, owner: Scope) -> Value:
        if kind == "param":
            assert isinstance(owner.node, FUNCTIONS)
            if f"{owner.module.name}.{owner.name()}.{name}" in self.assumed:
                return LITERAL
            return Lit(frozenset({(owner.node, name, ())}))
        if kind == "import":
            base, attr = owner.imports[name]
            module = self.modules.get(base)
            if attr is None or module is None or f"{base}.{attr}" in self.modules:
                return NOT  # a module as a value, or a name from outside the tree
            return self._module_name(module, attr)
        if kind == "assign":
            assert isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign | ast.NamedExpr)
            assert node.value is not None
            value = self.eval(node.value, where)
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            return join_all(_unpack(t, name, value) for t in targets)
        if kind == "for":
            assert isinstance(node, ast.For | ast.AsyncFor | ast.comprehension)
            return _unpack(node.target, name, flat(self._iterated(node.iter, where)))
        if kind == "mutated":
            given = node.args[-1:] if isinstance(node, ast.Call) else [getattr(node, "value", None)]
            values = [self.eval(v, where) if isinstance(v, ast.expr) else NOT for v in given]
            return _escaping(flat(join_all(values) or LITERAL), owner)
        return NOT  # defs as values, `with … as`, `except … as`, `*args`, lambdas' parameters

    def _iterated(self, node: ast.expr, scope: Scope) -> Value:
        """What iterating over `node` gives, item by item (`enumerate`, `zip` kept apart)."""
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "enumerate" and node.args:
                return Tup((LITERAL, flat(self.eval(node.args[0], scope))))
            if node.func.id == "zip":
                return Tup(tuple(flat(self.eval(a, scope)) for a in node.args))
        return self.eval(node, scope)

    def _module_named(self, node: ast.expr, scope: Scope) -> Module | None:
        if isinstance(node, ast.Name):
            owner = scope.owner_of(node.id)
            if owner is not None and node.id in owner.imports:
                base, attr = owner.imports[node.id]
                return self.modules.get(base if attr is None else f"{base}.{attr}")
        if isinstance(node, ast.Attribute):
            parent = self._module_named(node.value, scope)
            if parent is not None:
                return self.modules.get(f"{parent.name}.{node.attr}")
        return None

    def _module_name(self, module: Module, name: str) -> Value:
        if f"{module.name}.{name}" in self.assumed:
            return LITERAL
        if name not in module.scope.bindings:
            return NOT
        return self._name(name, module.scope)

    # -- calls

    def _callee(self, scope: Scope, func: ast.expr) -> Function | ast.ClassDef | None:
        """The function or class of the tree `func` names, if it can tell."""
        if isinstance(func, ast.Name):
            owner = scope.owner_of(func.id)
            if owner is None:
                return None
            if func.id in owner.defs:
                return owner.defs[func.id]
            if func.id in owner.imports:
                base, attr = owner.imports[func.id]
                module = self.modules.get(base)
                if attr is not None and module is not None:
                    return self._callee(module.scope, ast.Name(attr))
            [*_, (kind, node, where)] = owner.bindings[func.id]
            value = getattr(node, "value", None)
            if len(owner.bindings[func.id]) == 1 and kind == "assign":  # `_label = cypher_label`
                return self._callee(where, value) if isinstance(value, ast.Name) else None
            return None
        if isinstance(func, ast.Attribute):
            module = self._module_named(func.value, scope)
            if module is not None:
                return self._callee(module.scope, ast.Name(func.attr))
            if isinstance(func.value, ast.Name) and func.value.id in ("self", "cls"):
                return _method(scope.enclosing_class(), func.attr)
        return None

    def _call(self, node: ast.Call, scope: Scope) -> Value:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        target = self._callee(scope, func)
        if isinstance(target, ast.ClassDef):
            return self._construct(target, node, scope)
        if isinstance(target, FUNCTIONS):
            arguments = self._arguments(target, node, scope)
            if arguments is None:
                return NOT
            return _substitute(self._returned(target), target, arguments)
        given = [*node.args, *(k.value for k in node.keywords)]
        if isinstance(func, ast.Name) and self._outside(name, scope):
            if name in COUNTING:
                return LITERAL
            if name in KEEPING:
                return join_all(flat(self.eval(a, scope)) for a in given) or LITERAL
            if name in ("enumerate", "zip"):
                return flat(self._iterated(node, scope))
            if name in PASSING_THROUGH and len(node.args) > PASSING_THROUGH[name]:
                return self.eval(node.args[PASSING_THROUGH[name]], scope)
        if isinstance(func, ast.Attribute) and name in STRING_METHODS | KEYED:
            receiver = self.eval(func.value, scope)
            sent = given[1:] if name in KEYED else given
            return join_all([flat(receiver), *(flat(self.eval(a, scope)) for a in sent)])
        return NOT

    def _outside(self, name: str, scope: Scope) -> bool:
        """Whether `name` is a builtin, or imported from outside the tree."""
        owner = scope.owner_of(name)
        if owner is None:
            return True
        bindings = owner.bindings[name]
        return all(kind == "import" for kind, _, _ in bindings) and (
            owner.imports[name][0] not in self.modules
        )

    def _construct(self, cls: ast.ClassDef, node: ast.Call, scope: Scope) -> Value:
        names = [
            item.target.id
            for item in cls.body
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
        ]
        if any(isinstance(a, ast.Starred) for a in node.args) or len(node.args) > len(names):
            return NOT
        fields = {n: self.eval(a, scope) for n, a in zip(names, node.args, strict=False)}
        for keyword in node.keywords:
            if keyword.arg is None:
                return NOT
            fields[keyword.arg] = self.eval(keyword.value, scope)
        for item in cls.body:  # the defaults of fields not given
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                default, home = item.value, scope.module.scope
                fields.setdefault(item.target.id, self.eval(default, home) if default else NOT)
        return Obj(cls, tuple(sorted(fields.items())))

    def _arguments(
        self, function: Function, call: ast.Call, scope: Scope
    ) -> dict[str, Value] | None:
        arguments = function.args
        positional = [a.arg for a in [*arguments.posonlyargs, *arguments.args]]
        given: list[Value] = []
        if self.scopes[function].cls is not None and not _is_static(function):
            receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
            given.append(self.eval(receiver, scope) if receiver is not None else NOT)
        for argument in call.args:
            if isinstance(argument, ast.Starred):
                return None
            given.append(self.eval(argument, scope))
        values = dict(zip(positional, given, strict=False))
        for keyword in call.keywords:
            if keyword.arg is None:
                return None
            values[keyword.arg] = self.eval(keyword.value, scope)
        home = self.scopes[function].parent
        assert home is not None
        for param, default in _defaults(function):
            if param not in values:
                values[param] = self.eval(default, home) if default is not None else NOT
        return values

    def _returned(self, function: Function) -> Value:
        """What `function` returns, in terms of its parameters."""
        if function in self._returns:
            return self._returns[function]
        if function in self._busy:
            self._cycles += 1
            return None
        self._busy.add(function)
        cycles = self._cycles
        inner = self.scopes[function]
        try:
            returned = join_all(
                self.eval(node.value, inner) if node.value is not None else LITERAL
                for node in _own_nodes(function)
                if isinstance(node, ast.Return)
            )
        finally:
            self._busy.discard(function)
        returned = returned or LITERAL
        if self._cycles == cycles:
            self._returns[function] = returned
        return returned


# ------------------------------------------------------------------------------------ helpers


def _module_name(path: str) -> str:
    parts = list(Path(path).with_suffix("").parts)
    parts = parts[1:] if parts[0] == "src" else parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _argument(
    call: ast.Call, index: int, keyword: str, sender: str
) -> Iterator[tuple[str, ast.expr]]:
    for given in call.keywords:
        if given.arg == keyword:
            yield sender, given.value
            return
    before = call.args[: index + 1]
    if 0 <= index < len(call.args) and not any(isinstance(a, ast.Starred) for a in before):
        yield sender, call.args[index]


def _last_name(node: ast.expr) -> str:
    while isinstance(node, ast.Subscript | ast.Await | ast.Call):
        node = node.func if isinstance(node, ast.Call) else node.value
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _unpack(target: ast.expr, name: str, value: Value) -> Value:
    """The part of `value` that `name` gets when `value` is assigned to `target`."""
    if isinstance(target, ast.Name):
        return value if target.id == name else None
    if isinstance(target, ast.Starred):
        return _unpack(target.value, name, flat(value))
    if isinstance(target, ast.Tuple | ast.List):
        items = target.elts
        plain = not any(isinstance(t, ast.Starred) for t in items)
        if isinstance(value, Tup) and plain and len(value.items) == len(items):
            return join_all(_unpack(t, name, v) for t, v in zip(items, value.items, strict=True))
        return join_all(_unpack(t, name, flat(value)) for t in items)
    return None


def _substitute(value: Value, function: Function, arguments: Mapping[str, Value]) -> Value:
    """`value`, worked out in `function`, with the `arguments` of one call put in."""
    if isinstance(value, Tup):
        return Tup(tuple(_substitute(v, function, arguments) for v in value.items))
    if isinstance(value, Obj):
        fields = tuple((n, _substitute(v, function, arguments)) for n, v in value.fields)
        return Obj(value.cls, fields)
    if not isinstance(value, Lit):
        return value
    kept = frozenset(dep for dep in value.deps if dep[0] is not function)
    given = [_project(arguments.get(p, NOT), attrs) for f, p, attrs in value.deps if f is function]
    return join_all([Lit(kept), *given]) if kept or not given else join_all(given)


def _project(value: Value, attrs: tuple[str, ...]) -> Value:
    """The attribute `attrs` of `value` (`a.b.c`)."""
    for attr in attrs:
        if isinstance(value, Obj):
            value = dict(value.fields).get(attr, flat(value))
        elif isinstance(value, Lit):
            value = Lit(frozenset((f, p, (*a, attr)) for f, p, a in value.deps))
        else:
            value = flat(value)
    return value


def _escaping(value: Value, owner: Scope) -> Value:
    """A value a nested function puts in `owner`'s container: that function's parameters mean
    nothing outside it."""
    if not isinstance(value, Lit):
        return value
    visible: set[ast.AST] = set()
    scope: Scope | None = owner
    while scope is not None:
        visible.add(scope.node)
        scope = scope.parent
    return value if all(f in visible for f, _, _ in value.deps) else NOT


def _own_nodes(function: Function) -> Iterator[ast.AST]:
    """What the function's body holds, not looking into functions and classes defined in it."""
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, FUNCTIONS | ast.ClassDef | ast.Lambda):
            stack.extend(ast.iter_child_nodes(node))


def _defaults(function: Function) -> list[tuple[str, ast.expr | None]]:
    """Each parameter that has a default (None: a keyword-only one without), with it."""
    arguments = function.args
    positional = [*arguments.posonlyargs, *arguments.args]
    with_default = positional[len(positional) - len(arguments.defaults) :]
    return [
        *((a.arg, d) for a, d in zip(with_default, arguments.defaults, strict=True)),
        *((a.arg, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)),
    ]


def _method(cls: ast.ClassDef | None, name: str) -> Function | None:
    for item in cls.body if cls is not None else ():
        if isinstance(item, FUNCTIONS) and item.name == name:
            return item
    return None


def _is_property(function: Function) -> bool:
    names = {d.id for d in function.decorator_list if isinstance(d, ast.Name)}
    return bool(names & {"property", "cached_property"})


def _is_static(function: Function) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in function.decorator_list)


def check(sources: Mapping[str, str], assumed: Iterable[str] = ()) -> list[Finding]:
    """The statements sent to Neo4j in `sources` (path → text) not built only from literals."""
    return Checker(sources, assumed).findings()


def sources_of(root: Path, folders: Iterable[str]) -> dict[str, str]:
    """The Python files under `folders` of `root`, by path relative to it."""
    return {
        str(path.relative_to(root)): path.read_text(encoding="utf-8")
        for folder in folders
        for path in sorted((root / folder).rglob("*.py"))
    }
