"""The explore page in a browser: the neighbourhood drawn, expanded by a click, filtered, dated."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot


def graph(page: Page, expression: str) -> Any:
    """Evaluate against the page's Cytoscape instance (`cy`)."""
    return page.evaluate(
        f"(() => {{ const cy = window.lexgraphExplore.cy; return {expression}; }})()"
    )


def click_node(page: Page, node_id: str) -> None:
    """A real mouse click where the node is drawn."""
    box = page.locator("#graph").bounding_box()
    assert box is not None
    where = graph(page, f"cy.getElementById({node_id!r}).renderedPosition()")
    page.mouse.click(box["x"] + where["x"], box["y"] + where["y"])


def test_explore_draws_a_procedure_and_a_click_expands_a_node(site: str, page: Page) -> None:
    page.goto(f"{site}/explore?id=procedure/15.4.1&depth=1")
    page.wait_for_function("window.lexgraphExplore?.cy.nodes().length > 1", timeout=30_000)
    drawn = graph(page, "cy.nodes().length")
    expect(page.locator("#status")).to_contain_text(f"{drawn} nodes")
    assert graph(page, "cy.getElementById('procedure/15.4.1').hasClass('center')")

    # Coloured by type, edges labelled with their type.
    procedure_colour = graph(
        page, "cy.getElementById('procedure/15.4.1').style('background-color')"
    )
    regulation = graph(page, "cy.nodes('[type = \"Regulation\"]').first().id()")
    assert graph(page, f"cy.getElementById({regulation!r}).style('background-color')") != (
        procedure_colour
    )
    assert graph(page, "cy.edges('[type = \"REGULATES\"]').first().style('label')") == "REGULATES"
    expect(page.locator("#legend")).to_contain_text("Regulation")

    click_node(page, regulation)
    page.wait_for_function(f"window.lexgraphExplore.cy.nodes().length > {drawn}", timeout=30_000)
    assert graph(page, f"cy.getElementById({regulation!r}).hasClass('expanded')")
    assert graph(page, "cy.nodes('[type = \"DocumentRequirement\"]').length") > 0
    expect(page.locator("#selected-type")).to_have_text("Regulation")
    expect(page.locator("#selected-id")).to_have_text(regulation)
    screenshot(page, "explore-procedure-15.4.1-expanded")


def test_explore_hides_an_edge_type(site: str, page: Page) -> None:
    page.goto(f"{site}/explore?id=procedure/15.4.1&depth=2")
    page.wait_for_function("window.lexgraphExplore?.cy.edges().length > 1", timeout=30_000)
    assert graph(page, "cy.edges('[type = \"REQUIRES\"]').not('.hidden').length") > 0
    page.locator('#edge-types input[value="REQUIRES"]').uncheck()
    expect(page.locator("#status")).not_to_contain_text(f"{graph(page, 'cy.nodes().length')} nodes")
    assert graph(page, "cy.edges('[type = \"REQUIRES\"]').not('.hidden').length") == 0
    assert graph(page, "cy.nodes('[type = \"DocumentRequirement\"]').not('.hidden').length") == 0
    page.locator('#edge-types input[value="REQUIRES"]').check()
    assert graph(page, "cy.nodes('[type = \"DocumentRequirement\"]').not('.hidden').length") > 0
    drawn = graph(page, "cy.nodes().length")
    expect(page.locator("#status")).to_contain_text(f"{drawn} nodes")


def test_explore_asks_as_of_a_date_and_says_when_nothing_holds(site: str, page: Page) -> None:
    page.goto(f"{site}/explore?id=procedure/15.4.1&depth=1&asOf=2024-06-01")
    expect(page.locator("#status")).to_contain_text("as of 2024-06-01", timeout=30_000)
    expect(page.locator("#as-of")).to_have_value("2024-06-01")
    page.goto(f"{site}/explore?id=procedure/99.99")
    expect(page.locator("#status")).to_contain_text("no node with id 'procedure/99.99'")
    expect(page.locator("#status")).to_have_class("error")


def test_explore_highlights_an_impact_result(site: str, page: Page) -> None:
    # The changed unit and an affected procedure, as `lexgraph impact` names them.
    changed, affected = "procedure/15.4.1", "procedure/15.4.2"
    page.goto(f"{site}/explore?id={changed}&depth=1&highlight={changed},{affected}")
    expect(page.locator("#status")).to_contain_text("2 highlighted", timeout=30_000)
    assert graph(page, "cy.nodes('.highlighted').map(n => n.id()).sort()") == [changed, affected]
    screenshot(page, "explore-highlighted-impact")


def test_explore_shows_an_impact_analysis(site: str, page: Page) -> None:
    # What changing Art. 287 of the Tax Code affects, asked of the API's `impact`.
    page.goto(f"{site}/explore?impact=by/code/tax%23art_287&depth=3")
    expect(page.locator("#status")).to_contain_text("highlighted", timeout=30_000)
    marked = graph(page, "cy.nodes('.highlighted').map(n => n.id())")
    assert {"by/code/tax#art_287", "procedure/15.4.1", "procedure/15.4.2"} <= set(marked)
    assert graph(page, "cy.getElementById('by/code/tax#art_287').hasClass('center')")
    expect(page.locator("#node-id")).to_have_value("by/code/tax#art_287")
    screenshot(page, "explore-impact-art-287")
