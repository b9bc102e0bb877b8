// Imported by main.tsx before the app's modules, so the start-up calls leave while those are still being evaluated.
import { getApi } from '../api';
import { startEarlyCalls } from './earlyCalls';

startEarlyCalls(getApi());
