// The GraphQL body: the query, its variables as JSON and an optional operation name. RoleCall sends them as
// application/json {query, variables, operationName} (src/graphqlBody.ts), signed like any other body, which is
// what AppSync with IAM auth expects. Bad variables are named here, before the server would reject them.
import type { RequestBody } from '../../src/models/workspace';
import { graphqlVariablesProblem } from '../../src/graphqlBody';
import { CodeEditor } from '../editor/CodeEditor';
import './graphql.css';

type GraphqlBody = Extract<RequestBody, { mode: 'graphql' }>;

interface Props {
  body: GraphqlBody;
  onChange: (body: RequestBody) => void;
  editorKey: string;
}

export function GraphqlBodyEditor({ body, onChange, editorKey }: Props) {
  const problem = graphqlVariablesProblem(body.variables);
  return (
    <div className="graphql-body">
      <div className="graphql-query">
        <span className="graphql-label">Query</span>
        <div className="body-code graphql-code">
          <CodeEditor
            key={`${editorKey}-query`}
            label="GraphQL query"
            language="text"
            value={body.query}
            onChange={(query) => onChange({ ...body, query })}
            placeholderText="query GetItem($id: ID!) { getItem(id: $id) { id name } }"
          />
        </div>
      </div>
      <div className="graphql-variables">
        <span className="graphql-label">Variables (JSON)</span>
        <div className="body-code graphql-code">
          <CodeEditor
            key={`${editorKey}-variables`}
            label="GraphQL variables"
            language="json"
            value={body.variables}
            onChange={(variables) => onChange({ ...body, variables })}
            placeholderText='{ "id": "{{itemId}}" }'
          />
        </div>
        {problem && (
          <p className="graphql-problem" role="alert">
            {problem}
          </p>
        )}
        <label className="graphql-operation">
          <span>Operation name</span>
          <input
            value={body.operationName ?? ''}
            placeholder="optional: which operation in the query to run"
            spellCheck={false}
            onChange={(e) => {
              const { operationName: _drop, ...rest } = body;
              onChange(e.target.value ? { ...rest, operationName: e.target.value } : rest);
            }}
          />
        </label>
      </div>
    </div>
  );
}
