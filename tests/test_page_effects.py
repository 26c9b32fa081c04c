"""The effects of amending acts on the act and provision pages, over the ASGI app. The sample
regulation (seed 004, МВД resolution No. 102 of 19 May 2023) is amended by two acts of the
amending corpus, and the facts looked for are read by hand from their texts (a link's end reads
as a space in `text_of`, hence «№ 40 , п. 1»):

- resolution No. 40 of 26 February 2024 (fixtures/amending/mvd_2024_040.txt), in force «с 1
  апреля 2024 г.»: in the regulation of 15.4.1 «в пункте 4 слова «5 базовых величин» заменить
  словами «7 базовых величин»» (its point 1, paragraph 2) and «в подпункте 2.1 пункта 2 позицию
  «копия паспорта или иного документа» исключить» (paragraph 3); both apply;
- resolution No. 118 of 3 June 2024 (mvd_2024_118.txt), in force «после его официального
  опубликования»: 16 instructions (point 3 repeals resolution No. 18 of 2022, and is refused as
  a repeal of a whole act); its point 1.4 names a regulation of 15.9.9 the sample does not hold,
  so nothing of it applies, and each instruction says why. Its point 1.1 restates subpoint 1.3.6
  of the regulation of 15.2.2: «1.3.6. обжалование административного решения осуществляется в
  судебном порядке в течение одного месяца.»
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from starlette.testclient import TestClient
from typer.testing import CliRunner

from lexgraph.api.app import create_app
from lexgraph.cli import app
from lexgraph.config import Settings
from lexgraph.importing import sample_corpus_dir
from tests.conftest import WIPE_DATA
from tests.test_pages import text_of

SAMPLE = str(sample_corpus_dir() / "004_85fdc72f4cf61fef.txt")
FIXTURES = Path(__file__).parent / "importers" / "fixtures" / "amending"
AMENDED = "by/resolution/mvd/2023-05-19/102"
ACT_40 = "by/resolution/mvd/2024-02-26/40"
ACT_118 = "by/resolution/mvd/2024-06-03/118"
SUBPOINT_1_3_6 = "procedure_regulation_15.2.2__point_1__subpoint_1.3.6"
runner = CliRunner()


@pytest.fixture(scope="module")
def client(neo4j_uri: str, settings: Settings) -> Iterator[TestClient]:
    with (
        GraphDatabase.driver(neo4j_uri) as sync,
        sync.session(database=settings.neo4j_database) as session,
    ):
        session.run(WIPE_DATA).consume()
    env = {"NEO4J_URI": neo4j_uri}
    assert runner.invoke(app, ["import", SAMPLE], env=env).exit_code == 0
    for act, code in (("mvd_2024_040.txt", 0), ("mvd_2024_118.txt", 1)):
        amended = runner.invoke(
            app, ["amend", str(FIXTURES / act), "--text", SAMPLE, "--apply"], env=env
        )
        assert amended.exit_code == code, amended.output
    patient = settings.model_copy(update={"lexgraph_query_timeout_s": 60.0})
    with TestClient(create_app(patient)) as test_client:
        yield test_client


def test_the_act_page_lists_what_changed_it(client: TestClient) -> None:
    page = client.get(f"/act/{AMENDED}")
    assert page.status_code == 200
    text = text_of(page.text)
    # 2 of No. 40 and 15 of No. 118: its point 3 repeals another act, No. 18 of 2022, and is
    # not listed here (it is on No. 118's page, with its reason)
    assert "Изменения этого акта (17)" in text
    assert "Признать утратившим силу постановление" not in text
    # No. 40's replacement, in legal words, with its point, texts, day and result
    assert (
        "замена слов — Постановление от 26 февраля 2024 г. № 40 , п. 1 абз. 2"
        " Что изменяется пункт 4" in text
    )
    assert "Прежний текст «5 базовых величин» Новый текст «7 базовых величин»" in text
    assert "Вступает в силу с 1 апреля 2024 г. Применено да" in text
    assert f'href="/act/{ACT_40}"' in page.text
    # No. 118's: the day as the act says it, not applied, and why
    assert "Вступает в силу после его официального опубликования Применено нет" in text
    assert "в тексте нет регламента административной процедуры по подпункту 15.9.9" in text


def test_the_amending_act_page_lists_what_it_changed(client: TestClient) -> None:
    page = client.get(f"/act/{ACT_40}")
    assert page.status_code == 200
    text = text_of(page.text)
    assert "Что изменил этот акт (2)" in text
    assert "исключение — п. 1 абз. 3" in text
    assert "копия паспорта или иного документа" in text
    assert "Постановление от 19 мая 2023 г. № 102" in text


def test_a_whole_act_repealed_is_listed_only_with_the_amending_act(client: TestClient) -> None:
    # «3. Признать утратившим силу постановление … от 25 января 2022 г. № 18 …» (No. 118)
    text = text_of(client.get(f"/act/{ACT_118}").text)
    assert "акт признается утратившим силу целиком" in text
    assert "от 25 января 2022 г. № 18" in text


def test_the_provision_page_lists_the_effects_on_that_unit(client: TestClient) -> None:
    page = client.get(f"/provision/{AMENDED}/{SUBPOINT_1_3_6}")
    assert page.status_code == 200
    text = text_of(page.text)
    assert "Изменения этой структурной единицы (1)" in text
    assert "изложение в новой редакции — Постановление от 3 июня 2024 г. № 118 , п. 1.1" in text
    assert (
        "«1.3.6. обжалование административного решения осуществляется в судебном порядке"
        " в течение одного месяца.»" in text
    )
    assert "Применено нет: другие изменения этого акта (5) применить нельзя" in text


def test_a_unit_no_act_changed_says_so(client: TestClient) -> None:
    page = client.get(f"/provision/{AMENDED}/procedure_regulation_15.2.2__point_1__subpoint_1.3.1")
    assert page.status_code == 200
    assert "Изменения этой структурной единицы (0) Изменяющих актов в графе нет." in text_of(
        page.text
    )
