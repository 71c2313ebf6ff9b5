// Task pane entry point: waits for Office, then shows the Målkoll panel.
Office.onReady(() => {
  const app = document.getElementById('app');
  if (app) app.setAttribute('data-ready', 'true');
});
