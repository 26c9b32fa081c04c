"""GraphiQL in a browser: every example document in a tab, one run, one loaded from the pane."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from lexgraph.api.graphiql import load_examples
from tests.browser.conftest import screenshot


def test_graphiql_opens_every_example_in_a_tab_and_runs_one(site: str, page: Page) -> None:
    examples = load_examples()
    page.goto(f"{site}/graphql")
    tabs = page.locator(".graphiql-tab")
    expect(tabs).to_have_count(len(examples), timeout=30_000)
    for example in examples:
        # By the whole name: `ActPage` is part of `ImpactPage`.
        named = tabs.filter(has=page.get_by_text(example.name, exact=True))
        expect(named).to_have_count(1)
        expect(page.locator(f'[data-example="{example.name}"]')).to_be_visible()

    tabs.filter(has_text="ProcedureDetails").click()
    variables = page.locator(".graphiql-editor-tool .graphiql-editor:visible")
    expect(variables).to_contain_text("15.4.1")
    page.locator(".graphiql-execute-button").click()
    response = page.locator(".graphiql-response")
    expect(response).to_contain_text('"procedure":', timeout=30_000)  # ProcedureDetails' answer
    expect(response).to_contain_text("procedure/15.4.1")
    expect(response).not_to_contain_text('"errors"')
    screenshot(page, "graphiql-procedure-details")


def test_an_example_from_the_pane_replaces_the_editor(site: str, page: Page) -> None:
    page.goto(f"{site}/graphql")
    page.locator('[data-example="ResolveCitations"]').click()
    editor = page.locator(".graphiql-query-editor")
    expect(editor).to_contain_text("query ResolveCitations", timeout=30_000)
    page.locator(".graphiql-execute-button").click()
    response = page.locator(".graphiql-response")
    expect(response).to_contain_text('"resolveCitations":', timeout=30_000)
    expect(response).to_contain_text("by/code/tax")
