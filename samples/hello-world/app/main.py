"""Entry point of the hello-world app: sets up the task folder and calls runner.run(basepath, params, metadata)."""
import json
import os

import runner


def main():
    basepath = os.getenv('TASK_DIR')
    if not basepath or not os.path.isdir(basepath):
        raise ValueError('TASK_DIR environment variable is not set or is invalid.')

    params_text = os.getenv('APP_PARAMS') or '{}'
    try:
        params = json.loads(params_text)
    except json.JSONDecodeError as e:
        raise ValueError(f'APP_PARAMS environment variable contains invalid JSON: {e}')

    os.makedirs(os.path.join(basepath, runner.OUTPUT_PATH), exist_ok=True)
    metadata = {'data_type': 'text/plain'}
    output_path = runner.run(basepath, params, metadata)
    print(f'hello-world: wrote {output_path}')


if __name__ == '__main__':
    main()
