/** Where an action's detail page is; plugin actions name their plugin, as dispatch needs. */
export function actionHref(action: { action_type: string; plugin_id: string | null }): string {
  const path = `/actions/${encodeURIComponent(action.action_type)}`;
  return action.plugin_id ? `${path}?plugin_id=${action.plugin_id}` : path;
}
