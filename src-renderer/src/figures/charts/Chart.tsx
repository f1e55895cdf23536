import { chartGeometry, chartText, CHART_FONT_FAMILY, isEmptyChart, NO_DATA, type ChartShape, type FiguresChart } from '../../../../src-main/domain/figures/charts';

/**
 * The width the page's charts are laid out at, in SVG units. The drawing scales to its column
 * (26rem, up to 36rem wide), so its 9-unit text reads at about 12 to 16 pixels.
 */
const SCREEN_WIDTH = 320;

/** One shape of the geometry as an SVG element: attributes only, as the Content-Security-Policy allows no style attributes. */
function Shape({ s }: { s: ChartShape }) {
  switch (s.kind) {
    case 'rect':
      return <rect x={s.x} y={s.y} width={s.w} height={s.h} fill={s.fill} {...(s.stroke ? { stroke: s.stroke, strokeWidth: s.strokeWidth ?? 1 } : {})} />;
    case 'line':
      return <line x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} stroke={s.stroke} strokeWidth={s.strokeWidth} />;
    case 'text':
      return (
        <text x={s.x} y={s.y} fontSize={s.size} textAnchor={s.anchor} fontWeight={s.bold ? 'bold' : undefined} fill={s.fill}>
          {s.text}
        </text>
      );
  }
}

/**
 * A chart from the figures, drawn from the same geometry as the PDF and the Word picture, with
 * the numbers as a table underneath for screen readers (the drawing is hidden from them, as it
 * only repeats the table). React writes the text as text, never as markup. Nothing in it: the
 * chart's own sentence instead ("No referrals were received in this period.").
 */
export function Chart({ chart: { id, hint, spec } }: { chart: FiguresChart }) {
  const text = chartText(spec);
  const empty = isEmptyChart(spec);
  const g = empty ? undefined : chartGeometry(spec, SCREEN_WIDTH, { labels: 'above' });
  return (
    <section aria-labelledby={`${id}-title`} className="cb-chart" data-testid={id}>
      <h3 className="govuk-heading-s" id={`${id}-title`}>
        {spec.title}
      </h3>
      <p className="govuk-hint">{hint}</p>
      {!g ? (
        <p className="govuk-body">{spec.empty ?? NO_DATA}</p>
      ) : (
        <>
          <svg className="cb-chart__svg" viewBox={`0 0 ${g.width} ${g.height}`} width={g.width} height={g.height} fontFamily={CHART_FONT_FAMILY} aria-hidden="true" focusable="false">
            {g.shapes.map((s, i) => (
              <Shape key={i} s={s} />
            ))}
          </svg>
          <table className="govuk-table govuk-visually-hidden">
            <caption className="govuk-table__caption">{spec.title}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {text.table.columns.map((c, i) => (
                  <th scope="col" className="govuk-table__header" key={i}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {text.table.rows.map(([label, ...cells], r) => (
                <tr className="govuk-table__row" key={r}>
                  <th scope="row" className="govuk-table__header">
                    {label}
                  </th>
                  {cells.map((c, i) => (
                    <td className="govuk-table__cell govuk-table__cell--numeric" key={i}>
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
