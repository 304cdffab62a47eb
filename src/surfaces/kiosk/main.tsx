/** The kiosk surface (placeholder until its issue). */
import { mountPlaceholder } from '../placeholder-page';

mountPlaceholder('kiosk', 'placeholder.kiosk');
