/** Legend of the building colours by use class. */
import { USE_CLASSES } from '../protocol/city-pack';
import { USE_CLASS_COLOURS } from '../layers/buildings/palette';
import { useTranslate } from './use-translate';

/** Use-class legend. */
export function UseLegend() {
  const t = useTranslate();
  return (
    <div class="use-legend">
      {USE_CLASSES.map((useClass) => (
        <span class="use-legend__item" key={useClass}>
          <span class="swatch" style={{ background: USE_CLASS_COLOURS[useClass] }} />
          {t(`use.${useClass}`)}
        </span>
      ))}
    </div>
  );
}
