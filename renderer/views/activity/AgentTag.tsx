/** Marks a job an agent asked for (through OrbDeck's MCP program), in Activity and History. */
export function AgentTag() {
  return (
    <span className="agent-tag" title="Asked for by an agent through OrbDeck’s MCP program">
      Agent
    </span>
  );
}
