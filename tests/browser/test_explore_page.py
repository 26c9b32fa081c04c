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
    assert where is not None, f"{node_id} is not drawn"
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
    expect(page.locator("#legend")).to_contain_text("Regulation")

    click_node(page, regulation)
    page.wait_for_function(f"window.lexgraphExplore.cy.nodes().length > {drawn}", timeout=30_000)
    # A selected node's edges are labelled with their type.
    regulates = f"cy.getElementById({regulation!r}).connectedEdges('[type = \"REGULATES\"]')"
    assert graph(page, f"{regulates}.first().style('label')") == "REGULATES"
    assert graph(page, f"cy.getElementById({regulation!r}).hasClass('expanded')")
    assert graph(page, "cy.nodes('[type = \"DocumentRequirement\"]').length") > 0
    expect(page.locator("#selected-type")).to_have_text("Regulation")
    expect(page.locator("#selected-id")).to_have_text(regulation)
    screenshot(page, "explore-procedure-15.4.1-expanded")


def test_explore_hides_an_edge_type(site: str, page: Page) -> None:
    page.goto(f"{site}/explore?id=procedure/15.4.1&depth=2")
    page.wait_for_function("window.lexgraphExplore?.cy.edges().length > 1", timeout=30_000)
    while page.locator("#more").is_visible():  # thirty at a time: draw them all
        drawn = graph(page, "cy.nodes().length")
        page.locator("#more").click()
        page.wait_for_function(f"window.lexgraphExplore.cy.nodes().length > {drawn}")
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


LAW_LICENSING = "by/law/2022-10-14/213-z"  # Закон № 213-З «О лицензировании»


def test_explore_leaves_out_provenance_unless_asked(site: str, page: Page) -> None:
    page.goto(f"{site}/explore?id=procedure/15.4.1&depth=1")
    page.wait_for_function("window.lexgraphExplore?.cy.nodes().length > 1", timeout=30_000)
    assert graph(page, "cy.edges('[type = \"MENTIONS\"]').length") == 0
    assert graph(page, "cy.edges('[type = \"STATED_IN\"]').length") == 0
    assert graph(page, "cy.nodes('[type = \"SourceDocument\"]').length") == 0
    expect(page.locator("#provenance")).not_to_be_checked()

    page.locator("#provenance").check()
    page.wait_for_function(
        "window.lexgraphExplore.cy.edges('[type = \"MENTIONS\"]').length > 0", timeout=30_000
    )
    # Seed 004, the document that states 15.4.1, mentions it.
    assert graph(page, "cy.nodes('[type = \"SourceDocument\"]').length") >= 1
    assert "provenance=1" in page.url


def test_explore_draws_a_large_neighbourhood_thirty_nodes_at_a_time(site: str, page: Page) -> None:
    page.goto(f"{site}/explore?id={LAW_LICENSING}&depth=2")
    more = page.locator("#more")
    expect(more).to_be_visible(timeout=30_000)
    drawn = graph(page, "cy.nodes().length")
    assert drawn == 31  # the law and the thirty nearest
    waiting = graph(page, "window.lexgraphExplore.state.waiting.length")
    assert waiting > 0
    expect(more).to_have_text(f"Show {min(waiting, 30)} more ({waiting} not drawn)")
    expect(page.locator("#status")).to_contain_text(f"{waiting} more not drawn")
    # The nearest first: every node one edge from the law is drawn before any two edges away.
    assert (
        graph(
            page,
            f"cy.getElementById({LAW_LICENSING!r}).neighborhood('node').length",
        )
        > 0
    )

    more.click()
    page.wait_for_function(f"window.lexgraphExplore.cy.nodes().length > {drawn}")
    assert graph(page, "cy.nodes().length") == drawn + min(waiting, 30)
    screenshot(page, "explore-law-213-z-thirty-at-a-time")


def overlapping_labels(page: Page) -> list[list[str]]:
    """Pairs of drawn nodes where one's label overlaps the other's label or its disc."""
    found: list[list[str]] = graph(
        page,
        """(() => {
          const shown = cy.nodes().not('.hidden');
          const label = (n) => n.boundingBox(
            { includeNodes: false, includeEdges: false, includeLabels: true });
          const disc = (n) => n.boundingBox(
            { includeNodes: true, includeEdges: false, includeLabels: false });
          const meet = (p, q) => p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2;
          const pairs = [];
          shown.forEach((a) => shown.forEach((b) => {
            if (a.id() === b.id()) return;
            const both = meet(label(a), disc(b)) || (a.id() < b.id() && meet(label(a), label(b)));
            if (both) pairs.push([a.id(), b.id()]);
          }));
          return pairs;
        })()""",
    )
    return found


def test_explore_keeps_thirty_labels_apart(site: str, page: Page) -> None:
    page.goto(f"{site}/explore?id={LAW_LICENSING}&depth=2")
    expect(page.locator("#more")).to_be_visible(timeout=30_000)
    assert graph(page, "cy.nodes().not('.hidden').length") >= 27
    # fcose, twice, with labels counted in node sizes keeps all but at most one of the ~900
    # label/label and label/node pairs apart: measured side by side with cose on this drawing,
    # one run in 8 left one pair touching (cose: 6 runs in 8). Not yet none in every run.
    assert len(overlapping_labels(page)) <= 1
    screenshot(page, "explore-thirty-labels")


def test_explore_draws_the_whole_chain_of_an_impact(site: str, page: Page) -> None:
    # Art. 287 of the Tax Code: the duty documents of 15.4.1 and 15.4.2 cite parts 1–3 of its
    # point 6; each procedure is reached through its regulation's requirement.
    page.goto(f"{site}/explore?impact=by/code/tax%23art_287&depth=1")
    expect(page.locator("#status")).to_contain_text("highlighted", timeout=30_000)
    reached = graph(
        page,
        """(() => {
          const chain = cy.edges('.chain');
          const seen = new Set(cy.nodes().filter((n) => n.id().startsWith('by/code/tax#art_287'))
            .map((n) => n.id()));
          let grew = true;
          while (grew) {
            grew = false;
            chain.forEach((e) => {
              const [s, t] = [e.source().id(), e.target().id()];
              if (seen.has(s) !== seen.has(t)) { seen.add(s); seen.add(t); grew = true; }
            });
          }
          return [...seen].filter((id) => id.startsWith('procedure/')).sort();
        })()""",
    )
    assert {"procedure/15.4.1", "procedure/15.4.2"} <= set(reached)
    assert graph(page, "cy.edges('.chain[type = \"CITES\"]').length") > 0
    screenshot(page, "explore-impact-chain-art-287")


def test_the_explore_link_of_graphiql_draws_on_its_first_load(site: str, page: Page) -> None:
    page.goto(f"{site}/graphql")
    link = page.get_by_role("link", name="the explore page")
    expect(link).to_be_visible(timeout=30_000)
    link.click()
    page.wait_for_url("**/explore?id=procedure/15.4.1")
    # Depth 2 by default; without the source documents' MENTIONS it answers within seconds.
    expect(page.locator("#status")).to_contain_text("nodes ·", timeout=10_000)
    expect(page.locator("#status")).not_to_have_class("error")


LICENSING_RESOLUTION = "by/cm_resolution/2023-02-27/154"  # постановление № 154 «О лицензировании»


def test_explore_finds_a_node_by_number_reference_or_name(site: str, page: Page) -> None:
    page.goto(f"{site}/explore")
    for typed, found in [
        ("15.4.1", "procedure/15.4.1"),
        ("ст. 287 НК", "by/code/tax#art_287"),
        ("Закон о лицензировании", LAW_LICENSING),
    ]:
        page.locator("#node-id").fill(typed)
        page.get_by_role("button", name="Draw", exact=True).click()
        expect(page.locator("#status")).to_contain_text(f"{typed} → {found} ·", timeout=30_000)
        assert graph(page, f"cy.getElementById({found!r}).hasClass('center')")


def test_explore_refuses_a_name_two_acts_share_and_names_both(site: str, page: Page) -> None:
    page.goto(f"{site}/explore?id=О лицензировании&depth=1")
    status = page.locator("#status")
    expect(status).to_have_class("error", timeout=30_000)
    expect(status).to_contain_text("names 2 nodes")
    expect(status).to_contain_text(LAW_LICENSING)
    expect(status).to_contain_text(LICENSING_RESOLUTION)
    assert graph(page, "cy.nodes().length") == 0


def test_the_node_panel_shows_the_text_and_links_to_the_reading_room(site: str, page: Page) -> None:
    page.goto(f"{site}/explore?id=procedure/15.4.1&depth=1")
    page.wait_for_function("window.lexgraphExplore?.cy.nodes().length > 1", timeout=30_000)
    regulation = graph(page, "cy.nodes('[type = \"Regulation\"]').first().id()")
    click_node(page, regulation)
    # Seed 004, line 1020: the regulation's title, «Регламент административной процедуры …
    # по подпункту 15.4.1».
    expect(page.locator("#selected-text")).to_contain_text("Регламент административной процедуры")
    link = page.locator("#selected-page")
    expect(link).to_have_attribute("href", "/procedure/15.4.1")
    # An act's node links to the act's page: MVD resolution No. 102, which approves the regulation.
    # The click above expanded the regulation; its neighbours arrive when the fetch returns.
    act = "by/resolution/mvd/2023-05-19/102"
    page.wait_for_function(
        f"window.lexgraphExplore.cy.getElementById({regulation!r}).hasClass('expanded')",
        timeout=30_000,
    )
    while graph(page, f"cy.getElementById({act!r}).empty()") and page.locator("#more").is_visible():
        page.locator("#more").click()  # thirty at a time: draw until the act is among them
    click_node(page, act)
    expect(page.locator("#selected-type")).to_have_text("LegalAct")
    expect(link).to_have_attribute("href", "/act/by/resolution/mvd/2023-05-19/102")
    link.click()
    page.wait_for_url("**/act/by/resolution/mvd/2023-05-19/102")
    # Seed 004, its title: «Об утверждении регламентов административных процедур».
    expect(page.locator("h1")).to_have_text("Об утверждении регламентов административных процедур")
    screenshot(page, "explore-to-act-mvd-102")
