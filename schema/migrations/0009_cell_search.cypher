// Full-text search over the cells of the rows a regulation's tables hold, beside titles and texts
// (0003): a document's requirements, its condition, the form of submission and the apostille
// cell («требуется легализация документов (проставление апостиля)»), which only a row's text
// keeps, and the fee's and benefit's statements («государственная пошлина в размере …»). A row's
// text is short (a few hundred characters), unlike a whole regulation's, so an index of its own
// keeps it apart from the long texts that would match every query.
CREATE FULLTEXT INDEX lexgraph_cells IF NOT EXISTS
FOR (n:DocumentRequirement|RequestedInformation|IssuedDocument|Fee|Benefit)
ON EACH [n.sourceText, n.requirements, n.condition, n.electronicText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'russian', `fulltext.eventually_consistent`: false}};

// A code cited by its name alone («Налогового кодекса») is named by its title from the list of
// legal terms (src/lexgraph/legal_terms.py, which the importers read; a test keeps this copy equal
// to it): a graph imported before gets the titles here, since importing the same texts again
// writes nothing.
UNWIND [
  ['by/code/tax', 'Налоговый кодекс Республики Беларусь'],
  ['by/code/budget', 'Бюджетный кодекс Республики Беларусь'],
  ['by/code/civil', 'Гражданский кодекс Республики Беларусь'],
  ['by/code/civil_procedure', 'Гражданский процессуальный кодекс Республики Беларусь'],
  ['by/code/labour', 'Трудовой кодекс Республики Беларусь'],
  ['by/code/criminal', 'Уголовный кодекс Республики Беларусь'],
  ['by/code/criminal_procedure', 'Уголовно-процессуальный кодекс Республики Беларусь'],
  ['by/code/penal_enforcement', 'Уголовно-исполнительный кодекс Республики Беларусь'],
  ['by/code/economic_procedure', 'Хозяйственный процессуальный кодекс Республики Беларусь'],
  ['by/code/admin_offences', 'Кодекс Республики Беларусь об административных правонарушениях'],
  ['by/code/admin_procedure', 'Процессуально-исполнительный кодекс Республики Беларусь об административных правонарушениях'],
  ['by/code/housing', 'Жилищный кодекс Республики Беларусь'],
  ['by/code/marriage_family', 'Кодекс Республики Беларусь о браке и семье'],
  ['by/code/land', 'Кодекс Республики Беларусь о земле'],
  ['by/code/banking', 'Банковский кодекс Республики Беларусь'],
  ['by/code/customs', 'Таможенный кодекс Республики Беларусь'],
  ['by/code/electoral', 'Избирательный кодекс Республики Беларусь'],
  ['by/code/water', 'Водный кодекс Республики Беларусь'],
  ['by/code/forest', 'Лесной кодекс Республики Беларусь'],
  ['by/code/education', 'Кодекс Республики Беларусь об образовании'],
  ['by/code/culture', 'Кодекс Республики Беларусь о культуре'],
  ['by/code/subsoil', 'Кодекс Республики Беларусь о недрах'],
  ['by/code/judiciary', 'Кодекс Республики Беларусь о судоустройстве и статусе судей']
] AS code
MATCH (n:LegalAct {id: code[0]})
WHERE n.title IS NULL
SET n.title = code[1];
