"""Each request's root fields compiled into one Cypher statement that projects what it asks.

`table.py` holds the Cypher of every (type, field) covered; `project.py` turns a selection into
a projection and its unwrap; `roots.py` the root fields' statements; `plans.py` keeps them per
shape of request; `execution.py` runs them in graphql-core's executor, the resolvers answering
what is not covered.
"""

from lexgraph.api.compile import plans
from lexgraph.api.compile.execution import CompiledExecutionContext
from lexgraph.api.compile.project import Compiler, Refused, Unanswerable
from lexgraph.api.compile.roots import CompiledRoot, Plan

__all__ = [
    "CompiledExecutionContext",
    "CompiledRoot",
    "Compiler",
    "Plan",
    "Refused",
    "Unanswerable",
    "plans",
]
