import type { ReactNode } from 'react';
import type { Block, ReportDocument } from '@shared/closeout';

/** A report document as HTML: what is on screen is what prints and what goes into the PDF. */
export function DocumentView(props: {
  doc: ReportDocument;
  testId: string;
  /** Renders the chart blocks; the Markdown has the same figures as tables. */
  chart?: (chart: Extract<Block, { kind: 'chart' }>['chart']) => ReactNode;
}) {
  const { doc } = props;
  return (
    <article className="report-doc" data-testid={props.testId}>
      <header className="report-doc__head">
        <h2>{doc.title}</h2>
        {doc.meta.map((line) => (
          <p key={line} className="muted">
            {line}
          </p>
        ))}
      </header>
      {doc.blocks.map((block, i) => (
        <BlockView key={i} block={block} chart={props.chart} />
      ))}
    </article>
  );
}

function BlockView({
  block,
  chart,
}: {
  block: Block;
  chart?: (chart: Extract<Block, { kind: 'chart' }>['chart']) => ReactNode;
}) {
  switch (block.kind) {
    case 'heading':
      return <h3 className="report-doc__section">{block.text}</h3>;
    case 'fields':
      return (
        <dl className="report-doc__fields">
          {block.rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return (
        <table className="report-doc__table" data-testid={block.testId}>
          <thead>
            <tr>
              {block.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c} className={block.nowrap?.includes(c) ? 'report-doc__nowrap' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'paragraph':
      return <p className="report-doc__text">{block.text}</p>;
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'chart':
      return chart ? <div className="report-doc__chart">{chart(block.chart)}</div> : null;
  }
}
