import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BarController,
  BarElement,
  BubbleController,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { downloadCsv, downloadPng, type CsvCell } from './export.js';

// Only the pieces these screens draw, so the bundle carries no more of chart.js than it needs.
Chart.register(
  BarController,
  BarElement,
  BubbleController,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

/** A canvas is transparent: an exported PNG would be unreadable on a dark viewer without this. */
const whiteBackground: Plugin = {
  id: 'loketWhiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

interface Props {
  title: string;
  /** File name without extension, e.g. "prakiraan-2026-12-17". */
  fileBase: string;
  config: ChartConfiguration;
  csv: () => CsvCell[][];
  testId: string;
  children?: ReactNode;
}

/** A chart with its PNG and CSV export, and (as children) the same numbers as a table. */
export function ChartCard({ title, fileBase, config, csv, testId, children }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    chart.current = new Chart(canvas.current, {
      ...config,
      options: { ...config.options, animation: false, responsive: true, maintainAspectRatio: false },
      plugins: [...(config.plugins ?? []), whiteBackground],
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [config]);
  const headingId = `${testId}-title`;
  return (
    <section className="card analytics-card" aria-labelledby={headingId} data-testid={testId}>
      <div className="card__head">
        <h2 id={headingId}>{title}</h2>
        <div className="analytics-export">
          <button type="button" className="btn btn--small" onClick={() => canvas.current && downloadPng(`${fileBase}.png`, canvas.current)}>
            {t('analytics.export.png')}
          </button>
          <button type="button" className="btn btn--small" onClick={() => downloadCsv(`${fileBase}.csv`, csv())}>
            {t('analytics.export.csv')}
          </button>
        </div>
      </div>
      <div className="analytics-chart">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
      {children}
    </section>
  );
}
