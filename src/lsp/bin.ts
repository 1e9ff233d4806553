#!/usr/bin/env node
/** `copydesk-language-server`: the language server on stdio. */
import {startServer} from './server.js'

startServer()
