/**
 * Configuration files in the standard unified shape. The name `copydesk` in
 * a config resolves to this copy of copydesk, so a config works from `npx`
 * or a global install with no node_modules beside it; copydesk is always on.
 */
import copydesk from '../index.js'
import {resolveOptions} from '../options.js'

const ourNames = new Set(['copydesk', 'retext-copydesk', 'copydesk/preset'])

type PluginEntry = unknown

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** unified-engine `configTransform`: swaps our name for our plugin and checks our options. */
export function configTransform(raw: unknown, absolutePath: string): {plugins?: unknown; settings?: unknown} {
  const filePath = absolutePath.startsWith(process.cwd() + '/') ? absolutePath.slice(process.cwd().length + 1) : absolutePath
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${filePath}: expected an object like {"plugins": [["copydesk", {"rules": {}}]]}`)
  }
  const config = raw as Record<string, unknown>
  for (const key of Object.keys(config)) {
    if (key !== 'plugins' && key !== 'settings') throw new ConfigError(`${filePath}: unknown field "${key}"; a configuration has "plugins" and "settings"`)
  }
  const entries: PluginEntry[] = []
  const plugins = config.plugins
  if (Array.isArray(plugins)) entries.push(...plugins)
  else if (plugins && typeof plugins === 'object') for (const [name, value] of Object.entries(plugins)) entries.push([name, value])
  else if (plugins !== undefined) throw new ConfigError(`${filePath}: "plugins" must be a list like [["copydesk", {...}]]`)

  const mapped = entries.map((entry) => {
    const [name, options] = Array.isArray(entry) ? entry : [entry, undefined]
    if (typeof name === 'string' && ourNames.has(name)) {
      try {
        resolveOptions(options)
      } catch (error) {
        throw new ConfigError(`${filePath}: ${(error as Error).message}`)
      }
      return [copydesk, options ?? {}]
    }
    return entry
  })
  return {plugins: mapped, ...(config.settings ? {settings: config.settings} : {})}
}
