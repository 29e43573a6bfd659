import type { Handlers } from '../router'
import { session, setPreferences } from './me'
import { home } from './archive'

export const handlers: Handlers = {
  'me.session': session,
  'me.setPreferences': setPreferences,
  'archive.home': home
}
