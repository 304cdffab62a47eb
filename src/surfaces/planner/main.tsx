/** The planner surface (placeholder until its issue). */
import { mountPlaceholder } from '../placeholder-page';

mountPlaceholder('planner', 'placeholder.planner');
