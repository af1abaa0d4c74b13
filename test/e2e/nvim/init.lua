-- A second LSP client for the e2e suite: Neovim 0.7 (Debian's), headless. Starts the dockguard
-- server over stdio on the file named on the command line, waits for the server to push its
-- diagnostics for that file (Neovim 0.7 has no pull diagnostics), writes them as JSON and quits.
--
--   DOCKGUARD_SERVER=dist/server.js DOCKGUARD_OUT=out.json \
--     nvim --headless --noplugin -i NONE -u test/e2e/nvim/init.lua path/to/daemon.json
--
-- Exit status 0 when the diagnostics were written, 1 when the server failed or was too slow.
local server = assert(os.getenv('DOCKGUARD_SERVER'), 'DOCKGUARD_SERVER must name dist/server.js')
local out_path = assert(os.getenv('DOCKGUARD_OUT'), 'DOCKGUARD_OUT must name the output file')
local timeout_ms = tonumber(os.getenv('DOCKGUARD_TIMEOUT_MS') or '20000')

local finished = false

-- Only the first outcome counts: quitting stops the server, whose exit must not overwrite the result.
local function finish(payload, status)
  if finished then return end
  finished = true
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.fn.json_encode(payload))
  file:close()
  vim.cmd((status == 0 and 'qall!') or 'cquit! 1')
end

local function on_file_opened()
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local client_id = vim.lsp.start_client({
    name = 'dockguard',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.getcwd(),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        if result.uri == uri then
          vim.schedule(function() finish({ uri = uri, diagnostics = result.diagnostics }, 0) end)
        end
      end,
    },
    on_exit = function(code)
      vim.schedule(function() finish({ error = 'the server exited with ' .. tostring(code) }, 1) end)
    end,
  })
  if not client_id then
    finish({ error = 'the server did not start' }, 1)
    return
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  vim.defer_fn(function()
    finish({ error = 'no diagnostics for ' .. uri .. ' within ' .. timeout_ms .. ' ms' }, 1)
  end, timeout_ms)
end

vim.api.nvim_create_autocmd('VimEnter', { once = true, callback = on_file_opened })
