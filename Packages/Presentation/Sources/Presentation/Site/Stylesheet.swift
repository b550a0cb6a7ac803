/// The site's one stylesheet, with the print styles committee members rely on.
///
/// System fonts only (no web font to fetch). Colours: text #1a1a1a on white (17:1), links #0b4f8a (8.4:1),
/// secondary text #4d4d4d (8.5:1). Focus is a 3-pixel outline in a colour that differs from the link colour.
enum Stylesheet {
    static let css = """
    :root {
      --text: #1a1a1a;
      --muted: #4d4d4d;
      --link: #0b4f8a;
      --focus: #b34700;
      --line: #6b6b6b;
      --soft: #f2f4f7;
      --warn-bg: #fff4e5;
      --warn-line: #8a4b00;
      --background: #ffffff;
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
      line-height: 1.5;
      color: var(--text);
      background: var(--background);
    }
    *, *::before, *::after { box-sizing: border-box; }
    body { margin: 0; font-size: 1rem; overflow-wrap: break-word; }
    a { color: var(--link); }
    a:hover { text-decoration-style: double; }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .sprunglink { position: absolute; left: 0.5rem; top: -4rem; background: var(--background); padding: 0.5rem 1rem; z-index: 10; }
    .sprunglink:focus { top: 0.5rem; }
    .kopf, main, .fuss { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
    .kopf { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem 2rem;
      border-bottom: 1px solid var(--line); padding-top: 0.75rem; padding-bottom: 0.75rem; }
    .seitenname { margin: 0; font-weight: bold; font-size: 1.25rem; }
    .seitenname a { color: var(--text); text-decoration: none; }
    nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
    nav a[aria-current="page"] { font-weight: bold; text-decoration: none; color: var(--text); }
    main { padding-bottom: 2rem; }
    h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.5rem 0 1rem; }
    h2 { font-size: 1.375rem; line-height: 1.3; margin: 2rem 0 0.75rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
    h3 { font-size: 1.125rem; margin: 1.5rem 0 0.5rem; }
    p, li, dd { max-width: 46rem; }
    .einleitung { font-size: 1.0625rem; }
    .hinweis { background: var(--warn-bg); border-left: 4px solid var(--warn-line); padding: 0.5rem 0.75rem; }
    .hinweis strong { color: var(--text); }
    .bewertung { font-weight: bold; }
    .auf-einen-blick { border-left: 4px solid var(--link); padding: 0 0 0 1rem; margin: 1rem 0 1.5rem; }
    .auf-einen-blick h2 { border-bottom: none; margin-top: 0.5rem; }
    .auf-einen-blick li { margin-bottom: 0.5rem; }
    .antwort { font-size: 1.0625rem; }
    details.alle-hinweise { margin: 0.5rem 0 1.5rem; }
    details.alle-hinweise summary, details.legende summary { cursor: pointer; color: var(--link); }
    details.legende { margin: 2rem 0 1rem; }
    /* What a closed details element holds, once more for print (a closed details element does not print its content). */
    .nur-druck { display: none; }
    .nebentext, figcaption, .download { color: var(--muted); }
    dl.eckdaten { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 1rem; }
    dl.eckdaten dt { font-weight: bold; }
    /* File names and reference lists have no spaces; they may break anywhere rather than widen the page. */
    dl.eckdaten dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
    figure { margin: 1rem 0 2rem; padding: 0; }
    figcaption { margin-bottom: 0.5rem; max-width: 46rem; }
    svg.diagramm { display: block; width: 100%; max-width: 24rem; height: auto; margin: 0.5rem 0 1rem; }
    .diagramme { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
    .diagramme svg.diagramm { flex: 0 1 18rem; margin: 0.25rem 0 0.75rem; }
    .tabelle { overflow-x: auto; margin: 0.5rem 0; max-width: 100%; }
    table { border-collapse: collapse; margin: 0; min-width: 16rem; }
    caption { text-align: left; font-weight: bold; padding: 0 0 0.5rem; }
    th, td { border: 1px solid var(--line); padding: 0.375rem 0.5rem; text-align: left; vertical-align: top; }
    thead th { background: var(--soft); }
    tbody th { font-weight: normal; background: var(--soft); }
    sup { line-height: 0; }
    .quellen li { margin-bottom: 0.5rem; }
    .fuss { border-top: 1px solid var(--line); padding-top: 1rem; padding-bottom: 2rem; color: var(--muted); }
    .fuss ul { margin-bottom: 0.75rem; }
    /* Charts: text and axes are currentColor; the marks' colours follow the scheme and forced colours. */
    svg.diagramm { color: var(--text); }
    svg.diagramm .hohl { fill: var(--background); }
    @media (prefers-color-scheme: dark) {
      :root { --text: #ececec; --muted: #c4c4c4; --link: #9ccaff; --focus: #ffb27a; --line: #9a9a9a; --soft: #262a30;
        --warn-bg: #33260f; --warn-line: #ffb45c; --background: #121416; background: var(--background); }
      .sprunglink { background: var(--background); }
      svg.diagramm .farbe-0 { fill: #8fc1f0; stroke: #8fc1f0; }
      svg.diagramm .farbe-1 { fill: #ffa366; stroke: #ffa366; }
      svg.diagramm .farbe-2 { fill: #8fd694; stroke: #8fd694; }
      svg.diagramm .farbe-3 { fill: #d2b0f5; stroke: #d2b0f5; }
      svg.diagramm .hohl { fill: var(--background); }
    }
    @media (forced-colors: active) {
      svg.diagramm { color: WindowText; }
      svg.diagramm .farbe-0, svg.diagramm .farbe-1, svg.diagramm .farbe-2, svg.diagramm .farbe-3 { fill: WindowText; stroke: WindowText; }
      svg.diagramm .hohl { fill: Window; }
    }
    svg.diagramm [fill="none"] { fill: none; }
    @media (max-width: 30rem) {
      h1 { font-size: 1.5rem; }
      dl.eckdaten { grid-template-columns: minmax(0, 1fr); }
      dl.eckdaten dd { margin-bottom: 0.5rem; }
    }
    /* Print: an A4 document a Sitzungsvorlage can attach. Title, date and "Auf einen Blick" first; no navigation;
       no chart split across pages; every note printed (details open); links written out. */
    @page { size: A4; margin: 16mm 15mm 18mm; }
    @media print {
      :root { font-size: 10pt; --text: #000000; --muted: #333333; --link: #000000; --line: #555555; --soft: #eeeeee;
        --warn-bg: #ffffff; --background: #ffffff; }
      .sprunglink, nav, .download, details.alle-hinweise > summary { display: none; }
      .kopf { display: block; border-bottom: 1pt solid #000000; padding: 0 0 2mm; }
      .kopf, main, .fuss { max-width: none; padding-left: 0; padding-right: 0; }
      h1 { margin-top: 4mm; }
      a { color: var(--text); text-decoration: none; }
      h2, h3, figcaption { break-after: avoid; }
      figure, svg.diagramm, table, tr, .hinweis, .auf-einen-blick, .quellen li { break-inside: avoid; }
      figure { break-inside: auto; }
      .tabelle { overflow: visible; }
      svg.diagramm { max-width: 8.5cm; margin: 0 0 2mm; }
      .diagramme { gap: 0 5mm; }
      .diagramme svg.diagramm { flex: 0 0 8.5cm; }
      table { font-size: 9pt; }
      th, td { padding: 1mm 1.5mm; }
      figure { margin: 2mm 0 4mm; }
      h2 { margin-top: 6mm; }
      .hinweis { border-left: 2pt solid #000000; background: none; }
      details.alle-hinweise, details.legende { display: none; }
      .nur-druck { display: block; }
      a.fundstelle { overflow-wrap: anywhere; }
      .nur-bildschirm { display: none; }
    }

    """
}
