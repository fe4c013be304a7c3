/**
 * The agent's graph, our own `StateGraph`:
 *
 *   START → model → route ─┬─ no tool calls ───────────→ END
 *                          ├─ only read-only calls ────→ tools → model
 *                          ├─ any write ──→ approve ───→ tools → model
 *                          └─ step limit reached ──────→ stepLimit → END
 */
import { END, START, StateGraph, type BaseCheckpointSaver } from '@langchain/langgraph';
import { tools as registry } from '../../tools/index.js';
import type { GraphDeps } from './configuration.js';
import { makeApprovalNode } from './nodes/approval.js';
import { makeModelNode } from './nodes/model.js';
import { makeRoute } from './nodes/route.js';
import { makeStepLimitNode } from './nodes/step-limit.js';
import { makeToolsNode } from './nodes/tools.js';
import { AgentState } from './state.js';

export function buildAgentGraph(g: GraphDeps, checkpointer: BaseCheckpointSaver) {
  const tools = g.tools ?? registry;
  const byName = new Map(tools.map((t) => [t.name, t]));
  return new StateGraph(AgentState)
    .addNode('model', makeModelNode(g, tools, g.deps))
    .addNode('approve', makeApprovalNode(byName))
    .addNode('tools', makeToolsNode(g.deps, byName))
    .addNode('stepLimit', makeStepLimitNode(g.settings.stepLimit))
    .addEdge(START, 'model')
    .addConditionalEdges('model', makeRoute(byName, g.settings.stepLimit), ['approve', 'tools', 'stepLimit', END])
    .addEdge('approve', 'tools')
    .addEdge('tools', 'model')
    .addEdge('stepLimit', END)
    .compile({ checkpointer });
}

export type AgentGraph = ReturnType<typeof buildAgentGraph>;
