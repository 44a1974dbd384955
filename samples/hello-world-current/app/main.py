# hello-world-current: the platform's current app contract.
# Input: TASK_DIR/data.bin. Parameters: the APP_PARAMS environment variable (JSON of the job's params.app).
# Output: files written to TASK_RESULTS_DIR, which the assembler (here: passthrough) collects.
import json
import os

task_dir = os.getenv('TASK_DIR')
if not task_dir or not os.path.isdir(task_dir):
    raise ValueError('TASK_DIR environment variable is not set or is invalid.')
chunk_path = os.path.join(task_dir, 'data.bin')

task_results_dir = os.getenv('TASK_RESULTS_DIR')
if not task_results_dir or not os.path.isdir(task_results_dir):
    raise ValueError('TASK_RESULTS_DIR environment variable is not set or is invalid.')

app_params_text = os.getenv('APP_PARAMS')
if not app_params_text:
    raise ValueError('APP_PARAMS environment variable is not set or is empty.')
try:
    app_params = json.loads(app_params_text)
except json.JSONDecodeError as e:
    raise ValueError(f'APP_PARAMS environment variable contains invalid JSON: {e}')


def convert(text, case):
    if case == 'upper':
        return text.upper()
    if case == 'lower':
        return text.lower()
    if case == 'title':
        return text.title()
    return text


if __name__ == '__main__':
    with open(chunk_path, 'rb') as f:
        text = f.read().decode('utf-8')

    output_path = os.path.join(task_results_dir, 'hello_world.txt')
    with open(output_path, 'w', encoding='utf-8') as f:
        f.write(convert(text, app_params.get('case', 'upper')))
    print(f'hello-world-current: wrote {output_path}')
