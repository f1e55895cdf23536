import type { MenuItemConstructorOptions } from 'electron';

/**
 * A deliberately small application menu. Lock is always one keystroke away (a worker can
 * lock before turning the screen to a visitor). Reload and DevTools exist only in
 * development: in the packaged app they would only lose or expose state.
 */
export function menuTemplate(opts: { isPackaged: boolean; isMac: boolean; onLock: () => void }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = opts.isPackaged
    ? [{ role: 'togglefullscreen' }]
    : [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, { role: 'togglefullscreen' }];
  return [
    ...(opts.isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Lock', accelerator: 'CmdOrCtrl+L', click: () => opts.onLock() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: 'View', submenu: view },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}
